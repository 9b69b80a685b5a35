package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NewlinesTest {
    @Test
    void swarLineEndsEqualAPlainLoopOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[random.nextInt(0, 600)];
            // From every byte a newline to a newline in eighty: several in one word, none in
            // many, and bytes near 0x0a to exercise the bit trick's edges.
            int density = random.nextInt(1, 80);
            for (int i = 0; i < b.length; i++) {
                int r = random.nextInt(density + 2);
                b[i] = (byte) (r == 0 ? '\n' : r == 1 ? 0x0b : r == 2 ? 0x8a : random.nextInt(256));
                if (b[i] == '\n' && r != 0) {
                    b[i] = 'x';
                }
            }
            int length = random.nextInt(b.length + 1);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (b[i] == '\n') {
                    expected.add(i);
                }
            }
            if (length > 0 && b[length - 1] != '\n') {
                expected.add(length);   // the last line, without a newline
            }
            assertThat(Newlines.lineEnds(b, length)).as("round %d", round)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void aBlockOfNewlinesOnlyHasAnEmptyLineForEach() {
        // More lines than the first guess of the array holds (a line per 128 bytes): it grows.
        for (int length : new int[] {1, 7, 8, 9, 2_048, 65_536 + 3}) {
            byte[] b = new byte[length];
            Arrays.fill(b, (byte) '\n');
            int[] ends = Newlines.lineEnds(b, length);
            assertThat(ends).as("%d newlines", length).hasSize(length);
            assertThat(ends[length - 1]).isEqualTo(length - 1);
        }
        assertThat(Newlines.lineEnds(new byte[] {'a', 'b'}, 2)).containsExactly(2);
        assertThat(Newlines.lineEnds(new byte[0], 0)).isEmpty();
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
