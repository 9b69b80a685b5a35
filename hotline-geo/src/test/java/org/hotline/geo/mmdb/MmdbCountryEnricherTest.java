package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.CountryCodes;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled ip-location-db country database (flat {@code country_code} layout, the one GoAccess
 * reports as 100 % Unknown). Expected answers come from Debian's libmaxminddb tool on the original npm
 * file, e.g. {@code mmdblookup --file geo-whois-asn-country.mmdb --ip 8.8.8.8 country_code} → "US";
 * 77.88.8.8 → "RU"; 2a00:1450:4001:80b::200e → "IE"; 2001:4860:4860::8888 → "US"; 10.0.0.1,
 * 240.0.0.1 and 100::1 → "Could not find an entry"; {@code --verbose}: node count 1306595, build
 * epoch 1781725900 (2026-06-17), type "country ipvAll". SHA-256 from {@code sha256sum}.
 */
class MmdbCountryEnricherTest implements EnricherContract {

    private static MmdbCountryEnricher enricher;

    @BeforeAll
    static void open() {
        enricher = MmdbCountryEnricher.open(GeoTestData.BUNDLED_COUNTRY, "bundled");
    }

    @AfterAll
    static void close() throws Exception {
        enricher.close();
    }

    @Override
    public Enricher enricher() {
        return enricher;
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
        return IpAddress.parse("2a00:1450:4001:80b::200e");
    }

    /** In address order each source gets the answer it gets alone, though runs of one network share theirs. */
    @Test
    void sortedNeighboursGetTheAnswerEachGetsAlone() throws Exception {
        try (MmdbDatabase db = MmdbDatabase.open(GeoTestData.BUNDLED_COUNTRY, "--test", MmdbDatabase.SMALL_DECODE_CACHE)) {
            RunsOfNeighbours.assertEachAsAlone(enricher, (ip, soFar) -> {
                if (soFar.country() != null || soFar.has(OriginFlag.NON_ROUTABLE)) {
                    return soFar;
                }
                CountryRecords.CountryRecord r = MmdbAsnEnricherTest.read(
                        () -> db.reader().get(ip.toInetAddress(), enricher.layout().recordClass));
                String code = r == null ? null : CountryCodes.canonical(r.code());
                return code == null ? soFar : soFar.withCountry(code);
            });
        }
    }

    @Test
    void answersAsLibmaxminddbDoes() {
        assertThat(enricher.countryOf(IpAddress.parse("8.8.8.8"))).isEqualTo("US");
        assertThat(enricher.countryOf(IpAddress.parse("77.88.8.8"))).isEqualTo("RU");
        assertThat(enricher.countryOf(IpAddress.parse("193.0.6.139"))).isEqualTo("NL");
        assertThat(enricher.countryOf(IpAddress.parse("2a00:1450:4001:80b::200e"))).isEqualTo("IE");
        assertThat(enricher.countryOf(IpAddress.parse("2001:4860:4860::8888"))).isEqualTo("US");
        assertThat(enricher.countryOf(IpAddress.parse("2a02:6b8::feed:ff"))).isEqualTo("RU");
        assertThat(enricher.countryOf(IpAddress.parse("10.0.0.1"))).isNull();
        assertThat(enricher.countryOf(IpAddress.parse("100::1"))).isNull();
    }

    @Test
    void detectsTheFlatLayoutAndReportsProvenance() {
        assertThat(enricher.layout()).isEqualTo(CountryLayout.FLAT_COUNTRY_CODE);
        DatabaseInfo info = enricher.info();
        assertThat(info.role()).isEqualTo("country");
        // The name of the database the hash is of: the uncompressed file, as npm publishes it and
        // geo update installs it (sha256sum geo-whois-asn-country.mmdb; zcat ....mmdb.gz | sha256sum).
        assertThat(info.name()).isEqualTo("geo-whois-asn-country.mmdb");
        assertThat(info.layout()).isEqualTo("ip-location-db-country");
        assertThat(info.buildDate()).isEqualTo("2026-06-17");
        assertThat(info.entries()).isEqualTo(1_306_595);
        // The hash of the uncompressed database: the same as the npm file's.
        assertThat(info.sha256()).isEqualTo("c5f7c0e9bd6a6ccb5a2e9634764544a0d08bd0bd8788b8aedfac87bea184c652");
        assertThat(info.source()).isEqualTo("bundled");
    }

    @Test
    void skipsNonRoutableAndKeepsAnEarlierCountry() {
        Origin flagged = Origin.UNKNOWN.withFlag(OriginFlag.NON_ROUTABLE);
        assertThat(enricher.enrich(IpAddress.parse("8.8.8.8"), flagged)).isSameAs(flagged);
        Origin known = Origin.UNKNOWN.withCountry("FR");
        assertThat(enricher.enrich(IpAddress.parse("8.8.8.8"), known)).isSameAs(known);
        assertThat(enricher.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN).country()).isEqualTo("US");
    }
}
