package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hotline.InputException;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every vendor layout, read from files written by MaxMind's own Perl writer
 * (src/test/tools/make-mmdb-fixtures.pl) from a slice of the real ip-location-db data — files Hotline
 * did not write. Expected answers: {@code mmdblookup --file <fixture> --ip <address>} (Debian mmdb-bin),
 * which for all country fixtures gives 8.8.8.8 → US, 77.88.8.8 → RU, 2a02:6b8::feed:ff → RU,
 * 2a00:1450:4001:80b::200e → IE, 1.1.1.1 → AU (in geolite2-country.mmdb only as
 * registered_country.iso_code), and for the ASN fixtures 8.8.8.8 → 15169 "Google LLC" and
 * 77.88.8.8 → 13238 "YANDEX LLC" (asn-ipv4.csv lines 5321 and 93884).
 */
class VendorLayoutTest {

    @ParameterizedTest
    @CsvSource({
        "geolite2-country.mmdb,            GEOIP2,            geolite2-country",
        "dbip-country-lite.mmdb,           GEOIP2,            dbip-country",
        "ip-location-db-country.mmdb,      FLAT_COUNTRY_CODE, ip-location-db-country",
        "ip-location-db-country-ipv4.mmdb, FLAT_COUNTRY_CODE, ip-location-db-country",
        "ipinfo-country.mmdb,              IPINFO_COUNTRY,    ipinfo-country",
        "ipinfo-lite.mmdb,                 FLAT_COUNTRY_CODE, ipinfo-lite",
    })
    void readsEveryCountryLayout(String file, CountryLayout layout, String name) throws Exception {
        try (MmdbCountryEnricher e = MmdbCountryEnricher.open(GeoTestData.MMDB.resolve(file), "fixture")) {
            assertThat(e.layout()).isEqualTo(layout);
            assertThat(e.info().layout()).isEqualTo(name);
            assertThat(e.countryOf(IpAddress.parse("8.8.8.8"))).isEqualTo("US");
            assertThat(e.countryOf(IpAddress.parse("77.88.8.8"))).isEqualTo("RU");
            assertThat(e.countryOf(IpAddress.parse("240.0.0.1"))).isNull();
            boolean ipv4Only = file.endsWith("-ipv4.mmdb");
            boolean asnRows = file.startsWith("ipinfo-lite"); // built from the ASN slice's rows
            if (!asnRows) {
                assertThat(e.countryOf(IpAddress.parse("1.1.1.1"))).isEqualTo("AU");
            }
            // An IPv4-only database answers "unknown" for IPv6 instead of throwing.
            assertThat(e.countryOf(IpAddress.parse("2a02:6b8::feed:ff"))).isEqualTo(ipv4Only ? null : "RU");
            assertThat(e.countryOf(IpAddress.parse("2001:4860:4860::8888"))).isEqualTo(ipv4Only ? null : "US");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "geolite2-asn.mmdb, MAXMIND, geolite2-asn",
        "dbip-asn-lite.mmdb, MAXMIND, dbip-asn",
        "ipinfo-asn.mmdb,   IPINFO,  ipinfo-asn",
        "ipinfo-lite.mmdb,  IPINFO,  ipinfo-lite",
    })
    void readsEveryAsnLayout(String file, AsnLayout layout, String name) throws Exception {
        try (MmdbAsnEnricher e = MmdbAsnEnricher.open(GeoTestData.MMDB.resolve(file), "fixture")) {
            assertThat(e.layout()).isEqualTo(layout);
            assertThat(e.info().layout()).isEqualTo(name);
            assertThat(e.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN.withAsn(15169, "Google LLC"));
            assertThat(e.enrich(IpAddress.parse("77.88.8.8"), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN.withAsn(13238, "YANDEX LLC"));
            assertThat(e.enrich(IpAddress.parse("2001:4860:4860::8888"), Origin.UNKNOWN).asn()).isEqualTo(15169);
            assertThat(e.enrich(IpAddress.parse("240.0.0.1"), Origin.UNKNOWN)).isSameAs(Origin.UNKNOWN);
        }
    }

    @Test
    void anUnknownLayoutIsAnErrorNamingTheFileAndItsKeys() {
        Path file = GeoTestData.MMDB.resolve("ip2location-like.mmdb");
        assertThatThrownBy(() -> MmdbCountryEnricher.open(file, "fixture"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--geo-db " + file)
                .hasMessageContaining("database_type 'IP2LOCATION-LITE-DB1'")
                .hasMessageContaining("Keys found: country_long, country_short")
                .hasMessageContaining("country_code (ip-location-db, IPinfo Lite)");
    }

    @Test
    void anAsnDatabaseGivenAsCountryDatabaseSaysSo() {
        assertThatThrownBy(() -> MmdbCountryEnricher.open(GeoTestData.MMDB.resolve("geolite2-asn.mmdb"), "fixture"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Keys found: autonomous_system_number, autonomous_system_organization")
                .hasMessageContaining("give it with --asn-db");
        assertThatThrownBy(() -> MmdbAsnEnricher.open(GeoTestData.MMDB.resolve("dbip-country-lite.mmdb"), "fixture"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("give it with --geo-db");
    }

    @Test
    void aMissingOrForeignFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> MmdbCountryEnricher.open(Path.of("no/such.mmdb"), "fixture"))
                .isInstanceOf(InputException.class).hasMessage("--geo-db no/such.mmdb: no such file");
        Path csv = GeoTestData.CSV.resolve("asn-ipv4.slice.csv");
        assertThatThrownBy(() -> MmdbAsnEnricher.open(csv, "fixture"))
                .isInstanceOf(InputException.class).hasMessageContaining("--asn-db " + csv + ": not a readable MaxMind DB");
    }
}
