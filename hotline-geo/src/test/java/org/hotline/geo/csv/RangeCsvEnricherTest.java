package org.hotline.geo.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hotline.InputException;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.FileDigest;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ip-location-db range CSVs, on slices of the real files. Expected answers by grep on the slices:
 * geo-whois-asn-country-ipv4.slice.csv line 33 {@code 6.0.0.0,8.10.5.255,US} holds 8.8.8.8, line 10
 * {@code 1.1.1.0,1.1.1.255,AU}; the IPv6 slice's line 38 {@code 2001:4860::,2001:4860:ffff:...,US};
 * the last IPv4 row ends at 200.162.145.255, so 240.0.0.1 is in no row; asn-ipv4.slice.csv line 1
 * {@code 1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."}; wc -l: 75 IPv4 and 60 IPv6 rows per file.
 */
class RangeCsvEnricherTest implements EnricherContract {

    @TempDir
    Path dir;

    private static RangeCsvEnricher country;

    @BeforeAll
    static void load() {
        country = RangeCsvEnricher.country(List.of(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv"),
                GeoTestData.CSV.resolve("geo-whois-asn-country-ipv6.slice.csv")), "test");
    }

    @Override
    public Enricher enricher() {
        return country;
    }

    @Override
    public IpAddress unknownAddress() {
        return IpAddress.parse("240.0.0.1");
    }

    @Override
    public IpAddress knownV4() {
        return IpAddress.parse("8.8.8.8");
    }

    @Override
    public IpAddress knownV6() {
        return IpAddress.parse("2001:4860:4860::8888");
    }

    @Test
    void countriesAsTheRowsSay() {
        assertThat(country.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN).country()).isEqualTo("US");
        assertThat(country.enrich(IpAddress.parse("1.1.1.1"), Origin.UNKNOWN).country()).isEqualTo("AU");
        assertThat(country.enrich(IpAddress.parse("2001:4860:4860::8888"), Origin.UNKNOWN).country()).isEqualTo("US");
        assertThat(country.loadReports()).extracting(LoadReport::rows).containsExactly(75L, 60L);
        assertThat(country.databases()).extracting(DatabaseInfo::entries).containsExactly(75L, 60L);
        assertThat(country.databases()).extracting(DatabaseInfo::layout).containsOnly("ip-location-db-country-csv");
    }

    @Test
    void theNumericFormGivesTheSameAnswerForEveryRow() throws Exception {
        RangeCsvEnricher num = RangeCsvEnricher.country(List.of(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4-num.slice.csv"),
                GeoTestData.CSV.resolve("geo-whois-asn-country-ipv6-num.slice.csv")), "test");
        int checked = 0;
        for (String file : List.of("geo-whois-asn-country-ipv4.slice.csv", "geo-whois-asn-country-ipv6.slice.csv")) {
            for (String line : Files.readAllLines(GeoTestData.CSV.resolve(file))) {
                String[] f = line.split(",");
                for (String end : List.of(f[0], f[1])) {
                    IpAddress ip = IpAddress.parse(end);
                    assertThat(num.enrich(ip, Origin.UNKNOWN).country()).as(end).isEqualTo(f[2]);
                    assertThat(country.enrich(ip, Origin.UNKNOWN).country()).as(end).isEqualTo(f[2]);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(270);
    }

    @Test
    void asnRowsWithQuotedOrganisations() {
        RangeCsvEnricher asn = RangeCsvEnricher.asn(List.of(GeoTestData.CSV.resolve("asn-ipv4.slice.csv"),
                GeoTestData.CSV.resolve("asn-ipv6-num.slice.csv")), "test");
        assertThat(asn.enrich(IpAddress.parse("1.0.0.1"), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN.withAsn(13335, "Cloudflare, Inc."));
        assertThat(asn.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN.withAsn(15169, "Google LLC"));
        assertThat(asn.enrich(IpAddress.parse("2001:4860:4860::8888"), Origin.UNKNOWN).asn()).isEqualTo(15169);
        assertThat(asn.databases()).extracting(DatabaseInfo::layout).containsOnly("ip-location-db-asn-csv");
    }

    /**
     * One entry per file, each with the SHA-256 of that file (sha256sum on it gives the same), so a
     * counterpart can check each: the files of one role were one entry named "a + b" with the
     * sha256 "hash + hash". The ranges each kept: wc -l, 75 and 60.
     */
    @Test
    void eachFileIsItsOwnDatabaseEntryWithItsOwnHash() {
        assertThat(country.databases()).extracting(DatabaseInfo::name)
                .containsExactly("geo-whois-asn-country-ipv4.slice.csv", "geo-whois-asn-country-ipv6.slice.csv");
        assertThat(country.databases()).extracting(DatabaseInfo::sha256).containsExactly(
                FileDigest.sha256(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv")),
                FileDigest.sha256(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv6.slice.csv")));
        assertThat(country.databases()).allSatisfy(d -> assertThat(d.sha256()).matches("[0-9a-f]{64}"));
    }

    /**
     * Each damaged row of bad/country-bad-rows.csv is counted with its line and column; good rows load;
     * the overlapping row 8 (1.0.60.0-1.0.70.255 after 1.0.32.0-1.0.63.255) keeps its part after 1.0.63.255.
     * The counts and the lines are the database's warning, which geo info and the report show.
     */
    @Test
    void badRowsAreCountedWithLineAndColumn() {
        RangeCsvEnricher bad = RangeCsvEnricher.country(List.of(GeoTestData.CSV.resolve("bad/country-bad-rows.csv")), "test");
        LoadReport report = bad.loadReports().get(0);
        assertThat(report.firstProblems()).containsExactly(
            "country-bad-rows.csv line 2: expected at least 3 columns (start,end,value...), found 2",
            "country-bad-rows.csv line 3: column 2 (end): not an IP address or number: '1.0.7.999'",
            "country-bad-rows.csv line 4: column 3 (country_code): not a two-letter country code: 'Australia'",
            "country-bad-rows.csv line 5: unclosed quote",
            "country-bad-rows.csv line 7: columns 1-2: lies wholly inside line 6's range 1.0.32.0-1.0.63.255; skipped",
            "country-bad-rows.csv line 8: columns 1-2: overlaps line 6's range 1.0.32.0-1.0.63.255; kept from 1.0.64.0",
            "country-bad-rows.csv line 9: columns 1-2: start and end are of different address families",
            "country-bad-rows.csv line 10: columns 1-2: start 1.0.90.0 is after end 1.0.80.0");
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.skipped()).isEqualTo(7);
        assertThat(report.clipped()).isEqualTo(1);
        assertThat(bad.databases().get(0).warning()).isEqualTo("country-bad-rows.csv: 7 of 11 rows skipped (lines 2, 3, 4, 5, 7, 9, 10;"
                + " first: expected at least 3 columns (start,end,value...), found 2),"
                + " 1 row clipped where it overlaps an earlier range (line 8)");
        assertThat(country.databases()).extracting(DatabaseInfo::warning).containsOnlyNulls();
        assertThat(bad.enrich(IpAddress.parse("1.0.63.1"), Origin.UNKNOWN).country()).isEqualTo("CN");
        assertThat(bad.enrich(IpAddress.parse("1.0.70.1"), Origin.UNKNOWN).country()).isEqualTo("CN");
        assertThat(bad.enrich(IpAddress.parse("1.0.200.1"), Origin.UNKNOWN).country()).isEqualTo("TH");
        assertThat(bad.enrich(IpAddress.parse("1.0.5.1"), Origin.UNKNOWN)).isSameAs(Origin.UNKNOWN);
    }

    /**
     * Rows out of order were taken as overlapping the rows before them and dropped without a word: the
     * audit's three rows loaded as 2 entries and 1.1.1.1 had no country; a shuffled copy of a real
     * file loaded as 14 of its 75 ranges. Now every row loads and answers as in the sorted file.
     */
    @Test
    void rowsInAnyOrderAllLoad() throws Exception {
        Path three = Files.writeString(dir.resolve("t.csv"), "8.8.8.0,8.8.8.255,US\n1.1.1.0,1.1.1.255,AU\n9.9.9.0,9.9.9.255,CH\ngarbage\n");
        RangeCsvEnricher small = RangeCsvEnricher.country(List.of(three), "test");
        assertThat(small.databases().get(0).entries()).isEqualTo(3);
        assertThat(List.of("8.8.8.8", "1.1.1.1", "9.9.9.9")).extracting(a -> small.enrich(IpAddress.parse(a), Origin.UNKNOWN).country())
                .containsExactly("US", "AU", "CH");
        assertThat(small.databases().get(0).warning())
                .isEqualTo("t.csv: 1 of 4 rows skipped (line 4; first: expected at least 3 columns (start,end,value...), found 1)");

        Path sorted = GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv");
        List<String> rows = new ArrayList<>(Files.readAllLines(sorted));
        Collections.shuffle(rows, new Random(17));
        Path shuffled = Files.write(dir.resolve("shuffled.csv"), rows);
        RangeCsvEnricher fromShuffled = RangeCsvEnricher.country(List.of(shuffled), "test");
        assertThat(fromShuffled.databases().get(0).entries()).isEqualTo(75);
        assertThat(fromShuffled.databases().get(0).warning()).isNull();
        for (String line : rows) {
            String[] f = line.split(",");
            for (String end : List.of(f[0], f[1])) {
                assertThat(fromShuffled.enrich(IpAddress.parse(end), Origin.UNKNOWN).country()).as(end).isEqualTo(f[2]);
            }
        }
    }

    /**
     * The rule for overlaps in a file out of order, as RangeTable states it: rows are taken by start
     * address, and the one starting first keeps the overlap, wherever it stands in the file.
     */
    @Test
    void inAnUnsortedFileTheRangeStartingFirstKeepsTheOverlap() throws Exception {
        Path file = Files.writeString(dir.resolve("overlap.csv"), "10.0.0.0,10.0.0.255,FR\n9.0.0.0,10.0.0.127,DE\n9.0.0.0,9.0.0.9,IT\n");
        RangeCsvEnricher e = RangeCsvEnricher.country(List.of(file), "test");
        assertThat(e.enrich(IpAddress.parse("10.0.0.100"), Origin.UNKNOWN).country()).isEqualTo("DE");
        assertThat(e.enrich(IpAddress.parse("10.0.0.200"), Origin.UNKNOWN).country()).isEqualTo("FR");
        assertThat(e.loadReports().get(0).firstProblems()).containsExactly(
            "overlap.csv line 1: columns 1-2: overlaps line 2's range 9.0.0.0-10.0.0.127; kept from 10.0.0.128",
            "overlap.csv line 3: columns 1-2: lies wholly inside line 2's range 9.0.0.0-10.0.0.127; skipped");
    }

    @Test
    void aFileWithNoUsableRowIsAnError() {
        Path mmdb = GeoTestData.MMDB.resolve("geolite2-asn.mmdb.license");
        assertThatThrownBy(() -> RangeCsvEnricher.asn(List.of(mmdb), "test"))
                .isInstanceOf(InputException.class).hasMessageContaining(mmdb + ": no usable range rows");
        assertThatThrownBy(() -> RangeCsvEnricher.asn(List.of(Path.of("no/such.csv")), "test"))
                .isInstanceOf(InputException.class).hasMessageContaining("no/such.csv: no such file");
    }

    @Test
    void overlappingFilesAreRefused() {
        Path v4 = GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv");
        assertThatThrownBy(() -> RangeCsvEnricher.country(List.of(v4, GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4-num.slice.csv")), "test"))
                .isInstanceOf(InputException.class).hasMessageContaining("ranges from different files overlap at 1.0.0.0"
                        + " (geo-whois-asn-country-ipv4.slice.csv line 1, geo-whois-asn-country-ipv4-num.slice.csv line 1)");
    }
}
