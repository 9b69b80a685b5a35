package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark body once on the real inputs, the way JMH would after setup, and checks it
 * did the work it is timed for: a benchmark that quietly parses nothing or looks up nothing would
 * still report a fine throughput. This also keeps the module building and its inputs in place in
 * every {@code mvn verify}, without running JMH there.
 */
class BenchmarkSmokeTest {

    /**
     * grep -cE 'sshd\[[0-9]+\]: (Failed |Accepted |Received disconnect from .*\[preauth\]$|Disconnecting .*\[preauth\]$)'
     * samples/logs/ssh/secure.log -> 376 (352 failed passwords, 3 logins, 21 pre-auth disconnects).
     */
    static final long SSHD_EVENTS = 376;
    /** zcat data/geo/asn.mmdb.gz > /tmp/asn.mmdb; mmdblookup -f /tmp/asn.mmdb -i 83.149.9.216 -> 31133 "PJSC MegaFon". */
    static final long KNOWN_ASN = 31_133;

    /** JMH's own way to make a Blackhole outside a run; the text is the required acknowledgement. */
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void theAccessLogBenchmarkParsesEveryLineAsARequest() {
        AccessLogParseBenchmark bench = new AccessLogParseBenchmark();
        bench.setUp();
        bench.parseCombined(BLACKHOLE);
        // zcat samples/logs/web/access.log.gz | wc -l -> 10000, every one a request
        assertThat(bench.sink.events).isEqualTo(AccessLogParseBenchmark.LINES);
        assertThat(bench.sink.malformed).isZero();
    }

    @Test
    void theSshdBenchmarkGivesEveryLineAVerdictAndFindsTheAttempts() {
        SshdParseBenchmark bench = new SshdParseBenchmark();
        bench.setUp();
        bench.parseSshd(BLACKHOLE);
        assertThat(bench.sink.verdicts()).isEqualTo(SshdParseBenchmark.LINES);
        assertThat(bench.sink.malformed).isZero();
        assertThat(bench.sink.events).isEqualTo(SSHD_EVENTS);
    }

    @Test
    void theLookupBatchIsTheSampleClientsAndTheirVariations() {
        assertThat(LookupAddresses.sampleClients()).hasSize(1_753);
        IpAddress[] batch = LookupAddresses.batch();
        assertThat(batch).hasSize(LookupAddresses.BATCH).doesNotContainNull()
                .contains(IpAddress.parse("83.149.9.216"), IpAddress.parse("83.149.9.88"), IpAddress.parse("2001:4860:4860::8888"));
        assertThat(Arrays.stream(batch).distinct().count()).isGreaterThan(3_000);
    }

    @Test
    void theLookupBenchmarksResolveAKnownSource() throws Exception {
        IpAddress known = IpAddress.parse("83.149.9.216"); // the first line of the sample access log
        GeoLookupBenchmark.Addresses addresses = new GeoLookupBenchmark.Addresses();
        addresses.setUp();
        GeoLookupBenchmark.Databases db = new GeoLookupBenchmark.Databases();
        db.setUp();
        GeoLookupBenchmark.Cached cached = new GeoLookupBenchmark.Cached();
        cached.setUp(addresses);
        try {
            assertThat(db.country.enrich(known, Origin.UNKNOWN).country()).isEqualTo("RU");
            Origin full = db.uncached.enrich(known, Origin.UNKNOWN);
            assertThat(full.country()).isEqualTo("RU");
            assertThat(full.asn()).as(full.asOrganization()).isEqualTo(KNOWN_ASN);
            assertThat(cached.chain.enrich(known, Origin.UNKNOWN)).isEqualTo(full);
            // Setup warmed the cache with the whole batch: the timed loop must be all hits.
            long misses = cached.chain.cache().misses();
            GeoLookupBenchmark bench = new GeoLookupBenchmark();
            bench.country(addresses, db, BLACKHOLE);
            bench.asn(addresses, db, BLACKHOLE);
            bench.chainUncached(addresses, db, BLACKHOLE);
            bench.chainCached(addresses, cached, BLACKHOLE);
            assertThat(cached.chain.cache().misses()).isEqualTo(misses);
        } finally {
            db.tearDown();
            cached.tearDown();
        }
    }
}
