package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteLanesTest {

    @Test
    void theLowestMarkedLaneWinsWhateverIsMarkedAbove() {
        Random random = new Random(5);
        for (int lane = 0; lane < 8; lane++) {
            long lowest = 0x80L << (8 * lane);
            assertThat(ByteLanes.firstMarked(lowest)).isEqualTo(lane);
            for (int i = 0; i < 1_000; i++) {
                // Any marks in higher lanes, and any low bits there: only the lowest mark counts.
                long above = lane == 7 ? 0 : random.nextLong() & (-1L << (8 * (lane + 1)));
                long marks = lowest | above;
                assertThat(ByteLanes.firstMarked(marks)).as("%016x", marks).isEqualTo(Long.numberOfTrailingZeros(marks) >>> 3);
            }
        }
    }
}
