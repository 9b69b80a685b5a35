package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;

/**
 * Addresses in address order, as the report resolves its sources, through an enricher that keeps
 * its last answer per network ({@link RecordLocator.Walk}): each must get the answer the MaxMind
 * reader's record for it makes, as if it were alone.
 * Runs of neighbours cross network edges (one bit flipped at each place), and the origin handed in
 * changes between them (none yet, a country already, a Tor exit), where an answer kept for the
 * wrong network or the wrong origin so far would show.
 */
final class RunsOfNeighbours {
    private RunsOfNeighbours() {}

    /** @param alone the answer for an address and the origin so far, from the MaxMind reader's record */
    static void assertEachAsAlone(Enricher enricher, BiFunction<IpAddress, Origin, Origin> alone) {
        List<Origin> inputs = List.of(Origin.UNKNOWN, Origin.UNKNOWN.withCountry("DE"),
                Origin.UNKNOWN.withFlag(OriginFlag.TOR_EXIT));
        Random random = new Random(11);
        List<IpAddress> sorted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int v4 = random.nextInt();
            for (int bit = 0; bit < 32; bit++) {
                sorted.add(IpAddress.ofV4(v4 ^ (1 << bit)));
                sorted.add(IpAddress.ofV4(v4 + bit));
            }
            long high = 0x2000_0000_0000_0000L | random.nextLong() >>> 3;
            for (int bit = 0; bit < 64; bit++) {
                sorted.add(new IpAddress(high ^ (1L << bit), 1));
            }
        }
        for (int k = 0; k < 256; k++) {
            sorted.add(IpAddress.ofV4(0x0808_0800 + k));   // 8.8.8.0/24: one network, a run of 256
        }
        sorted.sort(null);
        int changed = 0;
        for (int i = 0; i < sorted.size(); i++) {
            IpAddress ip = sorted.get(i);
            // The same input for a run of ten, then the next: runs that share a network see both.
            Origin soFar = inputs.get(i / 10 % inputs.size());
            Origin expected = alone.apply(ip, soFar);
            Origin actual = enricher.enrich(ip, soFar);
            assertThat(actual).as("%s after %s, given %s", ip, i == 0 ? "nothing" : sorted.get(i - 1), soFar).isEqualTo(expected);
            if (!actual.equals(soFar)) {
                changed++;
            }
        }
        assertThat(changed).as("addresses the database answered for").isGreaterThan(sorted.size() / 4);
    }
}
