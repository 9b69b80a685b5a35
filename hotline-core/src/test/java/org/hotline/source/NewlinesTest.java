package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NewlinesTest {
    @Test
    void swarCountEqualsAPlainLoopOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] b = new byte[random.nextInt(1, 5000)];
            for (int i = 0; i < b.length; i++) {
                // Bias towards newlines and bytes near 0x0a to exercise the bit trick's edges.
                int r = random.nextInt(10);
                b[i] = (byte) (r == 0 ? '\n' : r == 1 ? 0x0b : r == 2 ? 0x8a : random.nextInt(256));
            }
            int from = random.nextInt(b.length);
            int to = random.nextInt(from, b.length + 1);
            long expected = 0;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    expected++;
                }
            }
            assertThat(Newlines.count(b, from, to)).isEqualTo(expected);
        }
    }

    @Test
    void countsRunsOfNewlinesLongerThanALaneHolds() {
        // Every byte a newline: each byte lane counts one per word, so a run past 255 words
        // (2,040 bytes) would overflow a lane that is not folded in time.
        for (int length : new int[] {2_039, 2_040, 2_041, 2_048, 4_087, 65_536 + 3}) {
            byte[] b = new byte[length];
            Arrays.fill(b, (byte) '\n');
            assertThat(Newlines.count(b, 0, length)).as("%d newlines", length).isEqualTo(length);
            assertThat(Newlines.count(b, 5, length - 1)).isEqualTo(length - 6);
        }
    }

    @Test
    void swarNextEqualsAPlainLoopOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[random.nextInt(1, 300)];
            // Sparse newlines, so the first one falls anywhere in a word or past the last word.
            int density = random.nextInt(2, 80);
            for (int i = 0; i < b.length; i++) {
                int r = random.nextInt(density);
                b[i] = (byte) (r == 0 ? '\n' : r == 1 ? 0x0b : r == 2 ? 0x8a : random.nextInt(256));
                if (b[i] == '\n' && r != 0) {
                    b[i] = 'x';
                }
            }
            int from = random.nextInt(b.length);
            int to = random.nextInt(from, b.length + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                if (b[i] == '\n') {
                    expected = i;
                }
            }
            assertThat(Newlines.next(b, from, to)).as("round %d", round).isEqualTo(expected);
        }
    }
}
