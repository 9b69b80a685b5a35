package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTest {

    /** The obvious loop the eight-bytes-at-a-time search must agree with. */
    private static int naive(byte[] b, byte x, byte y, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x || b[i] == y) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void indexOfEitherAgreesWithALoopOnEveryRangeOfRandomBytes() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] b = new byte[random.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                // Mostly high and odd bytes, some targets: exercises the borrow of the SWAR trick.
                int pick = random.nextInt(10);
                b[i] = (byte) (pick == 0 ? '"' : pick == 1 ? '\\' : pick == 2 ? 0x80 : pick == 3 ? 0 : random.nextInt(256));
            }
            for (int from = 0; from <= b.length; from++) {
                for (int to = from; to <= b.length; to++) {
                    assertThat(Ascii.indexOfEither(b, (byte) '"', (byte) '\\', from, to))
                            .isEqualTo(naive(b, (byte) '"', (byte) '\\', from, to));
                }
            }
        }
    }

    @Test
    void numbers() {
        byte[] b = "1329843175.736107 0.1 65536 22 x".getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.parseThousandths(b, 0, 17)).isEqualTo(1_329_843_175_736L);
        assertThat(Ascii.parseThousandths(b, 18, 21)).isEqualTo(100);
        assertThat(Ascii.parsePort(b, 22, 27)).isEqualTo(-1);
        assertThat(Ascii.parsePort(b, 28, 30)).isEqualTo(22);
        assertThat(Ascii.parseUnsigned(b, 31, 32)).isEqualTo(Ascii.NOT_A_NUMBER);
        assertThat(Ascii.parseUnsigned(b, 0, 0)).isEqualTo(Ascii.NOT_A_NUMBER);
        assertThat(Ascii.excerpt(new byte[] {'a', 0x16, (byte) 0xff}, 0, 3)).isEqualTo("a\\x16\\xff");
    }

    @Test
    void recentStringsReturnsEqualStringsForEqualBytes() {
        RecentStrings strings = new RecentStrings(4);
        byte[] b = "Mozilla/5.0 (X11; Linux x86_64) curl/8 Mozilla/5.0 (X11; Linux x86_64) wget".getBytes(StandardCharsets.US_ASCII);
        String first = strings.get(b, 0, 31);
        assertThat(first).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(strings.get(b, 39, 70)).isSameAs(first);
        assertThat(strings.get(b, 0, 38)).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) curl/8");
        assertThat(strings.get(b, 71, 75)).isEqualTo("wget");
    }
}
