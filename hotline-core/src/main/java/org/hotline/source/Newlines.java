package org.hotline.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds {@code \n} bytes eight at a time (SWAR), so the reader thread can number every line of a
 * multi-GB file at memory speed before the blocks fan out to workers.
 */
final class Newlines {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a_0a0a_0a0a_0a0aL;
    private static final long LOW7 = 0x7f7f_7f7f_7f7f_7f7fL;

    private Newlines() {}

    /**
     * Where each line of {@code b[0, length)} ends: the index of its {@code \n}, and {@code length}
     * for a last line without one. The reader finds them as it numbers the lines, so the workers
     * need not search each line's end again: on the 10M-line bench log (2.3 GB) that search was
     * a tenth of the workers' CPU time, ~0.6 s, where this pass over whole blocks takes ~0.37 s
     * and replaces the reader's count of the newlines, ~0.17 s (async-profiler, JDK 17).
     */
    static int[] lineEnds(byte[] b, int length) {
        int[] ends = new int[Math.max(16, length >>> 7)];
        int n = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // High bit set in each byte of x that was zero, i.e. each newline (exact, no false positives).
            long marks = ~(((x & LOW7) + LOW7) | x | LOW7);
            while (marks != 0) {
                if (n == ends.length) {
                    ends = Arrays.copyOf(ends, n * 2);
                }
                ends[n++] = i + ByteLanes.firstMarked(marks);
                marks &= marks - 1;   // the next newline of this word, if any
            }
        }
        for (; i < length; i++) {
            if (b[i] == '\n') {
                if (n == ends.length) {
                    ends = Arrays.copyOf(ends, n * 2);
                }
                ends[n++] = i;
            }
        }
        if (length > 0 && b[length - 1] != '\n') {
            if (n == ends.length) {
                ends = Arrays.copyOf(ends, n + 1);
            }
            ends[n++] = length;
        }
        return n == ends.length ? ends : Arrays.copyOf(ends, n);
    }

    /**
     * Index of the first {@code \n} in {@code [from, to)}, or -1; eight bytes at a time, like
     * {@link #lineEnds}: for a line's end past a block (an over-long line being skipped), where a
     * byte loop is slow, since the JIT the launcher uses does not vectorise one.
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
