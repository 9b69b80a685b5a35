package org.hotline.parse;

import java.util.Arrays;

/**
 * A small lossy table that turns recurring byte ranges (user agents, firewall prefixes, interface
 * names) into the same String instance, so a parser does not allocate a new String for a value it
 * saw a moment ago. Direct-mapped: a new value simply evicts the one in its slot.
 *
 * <p>Not thread-safe; one per parser instance. Values longer than {@link #MAX_BYTES} are not kept.
 */
public final class RecentStrings {
    static final int MAX_BYTES = 256;

    private final byte[][] keys;
    private final String[] values;
    private final int mask;

    /** @param slots rounded up to a power of two */
    public RecentStrings(int slots) {
        int n = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        keys = new byte[n][];
        values = new String[n];
        mask = n - 1;
    }

    /**
     * A hash of the length and up to 12 bytes (the first, middle and last four), so its cost does
     * not grow with the value: the byte-by-byte comparison that follows catches any collision.
     */
    private int slot(byte[] b, int from, int length) {
        int h = length;
        if (length <= 12) {
            for (int i = from, end = from + length; i < end; i++) {
                h = 31 * h + b[i];
            }
        } else {
            int mid = from + (length >>> 1) - 2;
            int last = from + length - 4;
            for (int k = 0; k < 4; k++) {
                h = 31 * h + b[from + k];
                h = 31 * h + b[mid + k];
                h = 31 * h + b[last + k];
            }
        }
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The String for {@code [from, to)} (UTF-8), shared with earlier calls for the same bytes when still cached. */
    public String get(byte[] b, int from, int to) {
        int length = to - from;
        if (length > MAX_BYTES) {
            return Ascii.string(b, from, to);
        }
        int slot = slot(b, from, length);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
            return values[slot];
        }
        String value = Ascii.string(b, from, to);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = value;
        return value;
    }
}
