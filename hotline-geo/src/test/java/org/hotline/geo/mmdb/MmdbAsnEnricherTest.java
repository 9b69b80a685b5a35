package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled ASN database, converted by Hotline from ip-location-db's CSVs. Expected answers come
 * from the source CSVs with grep (package @ip-location-db/asn 2.3.2026061719):
 * asn-ipv4.csv line 5321 {@code 8.8.8.0,8.8.8.255,15169,Google LLC}; line 93884
 * {@code 77.88.0.0,77.88.5.255,13238,YANDEX LLC}; line 308098 {@code 193.0.0.0,193.0.7.255,3333,Reseaux IP
 * Europeens Network Coordination Centre (RIPE NCC)}; asn-ipv6.csv line 17110
 * {@code 2001:4860:4806::,2001:4860:480b:ffff:...,15169,Google LLC}; no row covers 240.0.0.0/4.
 */
class MmdbAsnEnricherTest implements EnricherContract {

    private static MmdbAsnEnricher enricher;

    @BeforeAll
    static void open() {
        enricher = MmdbAsnEnricher.open(GeoTestData.BUNDLED_ASN, "bundled");
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
        return IpAddress.parse("2001:4860:4860::8888");
    }

    /** In address order each source gets the answer it gets alone, though runs of one network share theirs. */
    @Test
    void sortedNeighboursGetTheAnswerEachGetsAlone() throws Exception {
        try (MmdbDatabase db = MmdbDatabase.open(GeoTestData.BUNDLED_ASN, "--test", MmdbDatabase.SMALL_DECODE_CACHE)) {
            RunsOfNeighbours.assertEachAsAlone(enricher, (ip, soFar) -> {
                if (soFar.asn() >= 0 || soFar.has(OriginFlag.NON_ROUTABLE)) {
                    return soFar;
                }
                AsnRecords.AsnRecord r = read(() -> db.reader().get(ip.toInetAddress(), enricher.layout().recordClass));
                return r == null || r.number() < 0 ? soFar : soFar.withAsn(r.number(), r.organization());
            });
        }
    }

    static <T> T read(java.util.concurrent.Callable<T> lookup) {
        try {
            return lookup.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersAsTheSourceCsvSays() {
        assertThat(enricher.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN))
                .isEqualTo(Origin.UNKNOWN.withAsn(15169, "Google LLC"));
        assertThat(enricher.enrich(IpAddress.parse("77.88.8.8"), Origin.UNKNOWN))
                .isEqualTo(Origin.UNKNOWN.withAsn(13238, "YANDEX LLC"));
        assertThat(enricher.enrich(IpAddress.parse("193.0.6.139"), Origin.UNKNOWN))
                .isEqualTo(Origin.UNKNOWN.withAsn(3333, "Reseaux IP Europeens Network Coordination Centre (RIPE NCC)"));
        assertThat(enricher.enrich(IpAddress.parse("2001:4860:4860::8888"), Origin.UNKNOWN))
                .isEqualTo(Origin.UNKNOWN.withAsn(15169, "Google LLC"));
    }

    @Test
    void detectsItsOwnConvertedLayout() {
        assertThat(enricher.layout()).isEqualTo(AsnLayout.MAXMIND);
        DatabaseInfo info = enricher.info();
        assertThat(info.role()).isEqualTo("asn");
        assertThat(info.layout()).isEqualTo("ip-location-db-asn");
        assertThat(info.buildDate()).isEqualTo("2026-06-17");
    }
}
