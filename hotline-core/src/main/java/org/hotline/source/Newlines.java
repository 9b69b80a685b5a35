package org.hotline.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts {@code \n} bytes eight at a time (SWAR), so the reader thread can number every line of a
 * multi-GB file at memory speed before the blocks fan out to workers.
 */
final class Newlines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a_0a0a_0a0a_0a0aL;
    private static final long LOW7 = 0x7f7f_7f7f_7f7f_7f7fL;

    private Newlines() {}

    static long count(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        while (i + 8 <= to) {
            // Each byte lane of `lanes` counts the newlines seen at that lane, up to 255 words at a
            // time before it could overflow; folding the lanes once per 255 words instead of a
            // bitCount per word: the C1 JIT the launcher uses calls bitCount as a plain method.
            long lanes = 0;
            int stop = Math.min(to - 7, i + 8 * 255);
            for (; i < stop; i += 8) {
                long x = (long) LONGS.get(b, i) ^ NEWLINES;
                // High bit set in each byte of x that was zero, i.e. each newline (exact, no false positives).
                lanes += ~(((x & LOW7) + LOW7) | x | LOW7) >>> 7;
            }
            long pairs = (lanes & 0x00ff_00ff_00ff_00ffL) + ((lanes >>> 8) & 0x00ff_00ff_00ff_00ffL);
            n += (pairs * 0x0001_0001_0001_0001L) >>> 48;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * Index of the first {@code \n} in {@code [from, to)}, or -1; eight bytes at a time, like
     * {@link #count}: the workers split every block into lines with it (a tenth of their time
     * with a byte loop, since the JIT the launcher uses does not vectorise one).
     */
    static int next(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
            if (zeros != 0) {
                return i + ByteLanes.firstMarked(zeros);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
