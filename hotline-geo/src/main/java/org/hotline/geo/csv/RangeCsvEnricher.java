package org.hotline.geo.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.AsNumbers;
import org.hotline.geo.CountryCodes;

/**
 * Country or AS from ip-location-db range CSVs ({@code start,end,country_code} or
 * {@code start,end,asn,org}; text or {@code -num} form; IPv4 and IPv6 files together), loaded into a
 * {@link RangeTable}: about 0.3 s and 5 MB for the full IPv4+IPv6 ASN data; no allocation per lookup.
 *
 * <p>Rows may come in any order; overlaps are settled as {@link RangeTable} says. Malformed rows
 * (a bad address, country code or AS number) are counted and skipped, and each file's entry in
 * {@link #databases()} carries how many and at which lines as its warning, for {@code geo info} and
 * the report ({@link #loadReports()} has the detail). Ranges from different files must not overlap:
 * that is refused at load, naming the address. Like the mmdb enrichers it skips non-routable
 * addresses and keeps what an earlier enricher set.
 */
public final class RangeCsvEnricher implements Enricher {

    private final boolean country;
    private final RangeTable table;
    private final String[] codes;
    private final long[] asns;
    private final String[] orgs;
    private final List<LoadReport> reports;
    private final List<DatabaseInfo> databases;

    private RangeCsvEnricher(boolean country, RangeTable table, String[] codes, long[] asns, String[] orgs,
                             List<LoadReport> reports, List<DatabaseInfo> databases) {
        this.country = country;
        this.table = table;
        this.codes = codes;
        this.asns = asns;
        this.orgs = orgs;
        this.reports = List.copyOf(reports);
        this.databases = List.copyOf(databases);
    }

    /** Countries from {@code start,end,country_code[,...]} files. */
    public static RangeCsvEnricher country(List<Path> files, String source) {
        List<String> codes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        RangeCsvFiles loaded = RangeCsvFiles.load(files, values -> {
            String code = CountryCodes.canonical(values.get(0).strip());
            if (code == null) {
                throw new RangeCsvFiles.BadValue("column 3 (country_code): not a two-letter country code: '" + values.get(0) + "'");
            }
            return index.computeIfAbsent(code, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
        });
        return new RangeCsvEnricher(true, loaded.table(), codes.toArray(String[]::new), null, null, loaded.reports(),
                info("country", "ip-location-db-country-csv", files, loaded, source));
    }

    /** Autonomous systems from {@code start,end,asn[,organisation]} files. */
    public static RangeCsvEnricher asn(List<Path> files, String source) {
        List<Long> asns = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        RangeCsvFiles loaded = RangeCsvFiles.load(files, values -> {
            long asn = AsNumbers.parse(values.get(0));
            if (asn < 0) {
                throw new RangeCsvFiles.BadValue("column 3 (asn): not an AS number: '" + values.get(0) + "'");
            }
            String org = values.size() > 1 && !values.get(1).isBlank() ? values.get(1).strip() : null;
            return index.computeIfAbsent(asn + "\u0000" + org, k -> {
                asns.add(asn);
                orgs.add(org);
                return asns.size() - 1;
            });
        });
        long[] numbers = asns.stream().mapToLong(Long::longValue).toArray();
        return new RangeCsvEnricher(false, loaded.table(), null, numbers, orgs.toArray(String[]::new), loaded.reports(),
                info("asn", "ip-location-db-asn-csv", files, loaded, source));
    }

    /**
     * One entry per file, each with its own name, SHA-256, ranges kept and warning: the files of one
     * role were one entry whose sha256 was "hash + hash", which no one could check with sha256sum.
     */
    private static List<DatabaseInfo> info(String role, String layout, List<Path> files, RangeCsvFiles loaded, String source) {
        List<DatabaseInfo> infos = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            LoadReport report = loaded.reports().get(i);
            infos.add(new DatabaseInfo(role, files.get(i).getFileName().toString(), layout, null,
                    org.hotline.geo.FileDigest.sha256(files.get(i)), report.rows(), source, report.warning()));
        }
        return infos;
    }

    /** Provenance of each file read, in the order given. */
    public List<DatabaseInfo> databases() {
        return databases;
    }

    public List<LoadReport> loadReports() {
        return reports;
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        if (soFar.has(OriginFlag.NON_ROUTABLE) || (country ? soFar.country() != null : soFar.asn() >= 0)) {
            return soFar;
        }
        int value = table.valueOf(ip);
        if (value == RangeTable.NOT_FOUND) {
            return soFar;
        }
        return country ? CountryCodes.withCountry(soFar, codes[value]) : soFar.withAsn(asns[value], orgs[value]);
    }
}
