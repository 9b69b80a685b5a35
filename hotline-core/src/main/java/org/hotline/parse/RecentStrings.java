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

    /** The String for {@code [from, to)} (UTF-8), shared with earlier calls for the same bytes when still cached. */
    public String get(byte[] b, int from, int to) {
        int length = to - from;
        if (length > MAX_BYTES) {
            return Ascii.string(b, from, to);
        }
        int h = length;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & mask;
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
