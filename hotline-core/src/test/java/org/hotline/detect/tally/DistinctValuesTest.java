package org.hotline.detect.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistinctValuesTest {

    @Test
    void theCappedCountDoesNotDependOnOrderOrSplit() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int cap = 1 + random.nextInt(20);
            int n = random.nextInt(60);
            long[] values = new long[n];
            Set<Long> truth = new HashSet<>();
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(30) - 5; // includes 0 and negatives
                truth.add(values[i]);
            }
            DistinctValues a = new DistinctValues(cap);
            DistinctValues b = new DistinctValues(cap);
            for (long v : values) {
                (random.nextBoolean() ? a : b).add(v);
            }
            int union = a.unionCount(b);
            a.mergeFrom(b);
            int expected = Math.min(truth.size(), cap);
            assertThat(a.count()).as("round %d", round).isEqualTo(expected);
            assertThat(union).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void stopsGrowingAtTheCap() {
        DistinctValues d = new DistinctValues(15);
        for (long port = 0; port < 65_536; port++) {
            d.add(port);
        }
        assertThat(d.count()).isEqualTo(15);
        assertThat(d.contains(65_535)).isFalse();
    }
}
