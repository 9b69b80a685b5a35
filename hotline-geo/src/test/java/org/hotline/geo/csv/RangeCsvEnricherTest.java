package org.hotline.geo.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.InputException;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ip-location-db range CSVs, on slices of the real files. Expected answers by grep on the slices:
 * geo-whois-asn-country-ipv4.slice.csv line 33 {@code 6.0.0.0,8.10.5.255,US} holds 8.8.8.8, line 10
 * {@code 1.1.1.0,1.1.1.255,AU}; the IPv6 slice's line 38 {@code 2001:4860::,2001:4860:ffff:...,US};
 * the last IPv4 row ends at 200.162.145.255, so 240.0.0.1 is in no row; asn-ipv4.slice.csv line 1
 * {@code 1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."}; wc -l: 75 IPv4 and 60 IPv6 rows per file.
 */
class RangeCsvEnricherTest implements EnricherContract {

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
        assertThat(country.info().entries()).isEqualTo(135);
        assertThat(country.info().layout()).isEqualTo("ip-location-db-country-csv");
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
        assertThat(asn.info().layout()).isEqualTo("ip-location-db-asn-csv");
    }

    /**
     * Each damaged row of bad/country-bad-rows.csv is counted with its line and column; good rows load;
     * the overlapping row 8 (1.0.60.0-1.0.70.255 after 1.0.32.0-1.0.63.255) keeps its part after 1.0.63.255.
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
            "country-bad-rows.csv line 7: columns 1-2: range lies inside earlier rows (up to 1.0.63.255); rows must be sorted and disjoint",
            "country-bad-rows.csv line 8: columns 1-2: overlaps earlier rows up to 1.0.63.255; kept from 1.0.64.0 (the earlier row wins)",
            "country-bad-rows.csv line 9: columns 1-2: start and end are of different address families",
            "country-bad-rows.csv line 10: columns 1-2: start 1.0.90.0 is after end 1.0.80.0");
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.skipped()).isEqualTo(7);
        assertThat(report.clipped()).isEqualTo(1);
        assertThat(bad.enrich(IpAddress.parse("1.0.63.1"), Origin.UNKNOWN).country()).isEqualTo("CN");
        assertThat(bad.enrich(IpAddress.parse("1.0.70.1"), Origin.UNKNOWN).country()).isEqualTo("CN");
        assertThat(bad.enrich(IpAddress.parse("1.0.200.1"), Origin.UNKNOWN).country()).isEqualTo("TH");
        assertThat(bad.enrich(IpAddress.parse("1.0.5.1"), Origin.UNKNOWN)).isSameAs(Origin.UNKNOWN);
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
                .isInstanceOf(InputException.class).hasMessageContaining("ranges from different files overlap at 1.0.0.0");
    }
}
