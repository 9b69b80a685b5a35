package org.hotline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Enricher} must do, inherited by each implementation's test (after IntelMQ's
 * {@code BotTestCase}): the test {@code implements EnricherContract} and supplies the enricher built
 * on its real fixture, one address it knows nothing about and one IPv4 and one IPv6 address it does
 * know.
 *
 * <p>The obligations checked: "not found" returns {@code soFar} unchanged (never null, never an
 * exception); odd but valid addresses of both families never throw; what was known before survives
 * (flags only grow); and concurrent callers get the same answers as a single caller.
 */
public interface EnricherContract {

    /** The enricher under test, built once per test on real data. */
    Enricher enricher();

    /** An address the enricher's data says nothing about. */
    IpAddress unknownAddress();

    /** An IPv4 address the enricher adds something to. */
    IpAddress knownV4();

    /** An IPv6 address the enricher adds something to. */
    IpAddress knownV6();

    @Test
    default void unknownAddressReturnsSoFarUnchanged() {
        Enricher e = enricher();
        assertThat(e.enrich(unknownAddress(), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN);
        Origin before = new Origin("NL", 1136, "KPN B.V.", EnumSet.of(OriginFlag.TOR_EXIT));
        assertThat(e.enrich(unknownAddress(), before)).isEqualTo(before);
    }

    @Test
    default void knownAddressesOfBothFamiliesAddSomething() {
        Enricher e = enricher();
        assertThat(knownV4().isV4()).as("knownV4() must be IPv4").isTrue();
        assertThat(knownV6().isV4()).as("knownV6() must be IPv6").isFalse();
        assertThat(e.enrich(knownV4(), Origin.UNKNOWN)).isNotNull().isNotEqualTo(Origin.UNKNOWN);
        assertThat(e.enrich(knownV6(), Origin.UNKNOWN)).isNotNull().isNotEqualTo(Origin.UNKNOWN);
    }

    @Test
    default void edgeAddressesNeverThrowNorReturnNull() {
        Enricher e = enricher();
        for (String text : List.of("0.0.0.0", "255.255.255.255", "::", "::1", "::ffff:0.0.0.0",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1", "2001:db8::1", "1.1.1.1", "2a00::")) {
            IpAddress ip = IpAddress.parse(text);
            assertThat(e.enrich(ip, Origin.UNKNOWN)).as(text).isNotNull();
        }
    }

    @Test
    default void whatWasKnownBeforeSurvives() {
        Enricher e = enricher();
        for (IpAddress ip : List.of(knownV4(), knownV6(), unknownAddress())) {
            Origin before = Origin.UNKNOWN.withFlag(OriginFlag.TOR_EXIT);
            Origin after = e.enrich(ip, before);
            assertThat(after.flags()).as(ip.toString()).contains(OriginFlag.TOR_EXIT);
        }
    }

    @Test
    default void concurrentCallersGetTheSameAnswers() throws Exception {
        Enricher e = enricher();
        List<IpAddress> addresses = new ArrayList<>(List.of(knownV4(), knownV6(), unknownAddress()));
        for (int i = 0; i < 500; i++) {
            // A spread of IPv4 and IPv6 addresses, known or not; the answers just have to agree.
            addresses.add(IpAddress.ofV4(i * 8_589_934 + 16_777_216));
            addresses.add(new IpAddress(0x2000_0000_0000_0000L + i * 0x0001_0000_0000_0000L, i));
        }
        List<Origin> expected = new ArrayList<>();
        for (IpAddress ip : addresses) {
            expected.add(e.enrich(ip, Origin.UNKNOWN));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Origin>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Origin> got = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        got.clear();
                        for (IpAddress ip : addresses) {
                            got.add(e.enrich(ip, Origin.UNKNOWN));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<Origin>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
