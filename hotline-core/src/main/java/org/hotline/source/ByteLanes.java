package org.hotline.source;

/**
 * Eight bytes of a line read as one {@code long} (SWAR), the way the line splitter and the parsers'
 * searches scan: a test marks the high bit of each byte lane that matched, and this says which
 * lane came first.
 */
public final class ByteLanes {
    private ByteLanes() {}

    /**
     * Index (0 to 7) of the lowest byte lane whose high bit is set in {@code marks}, which must
     * have one: read little-endian, the first matching byte in memory. Marks above the lowest
     * may be false positives of the test; they do not matter.
     *
     * <p>Why not {@code Long.numberOfTrailingZeros(marks) >>> 3}: C1, the JIT the launcher runs
     * with, compiles it as calls into its Java code, and on the 1M-line bench log those calls were
     * 7 % of the workers' time. Here the lowest mark alone is {@code 1 << (8k + 7)}; shifted down
     * to {@code 1 << 8k} and multiplied by {@code 0x0001020304050607}, its top byte is {@code k}.
     */
    public static int firstMarked(long marks) {
        return (int) ((((marks & -marks) >>> 7) * 0x0001_0203_0405_0607L) >>> 56);
    }
}
