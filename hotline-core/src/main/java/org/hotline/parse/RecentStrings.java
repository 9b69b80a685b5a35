package org.hotline.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys;
    private final String[] values;
    private final int mask;
    /**
     * The value {@link #get} returned last, and its bytes: compared first, before any hashing.
     * A client's page and its assets come in a run with one user agent (58 % of the bench log's
     * lines repeat the line before's), and hashing a user agent's ~130 bytes cost more than
     * comparing them; a different value mostly differs in length or early on.
     */
    private byte[] lastKey;
    private String lastValue;

    /** @param slots rounded up to a power of two */
    public RecentStrings(int slots) {
        int n = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        keys = new byte[n][];
        values = new String[n];
        mask = n - 1;
    }

    /**
     * A hash of every byte, eight at a time. Why all of them: values that share a length, a start
     * and an end differ in the middle (a browser version in a user agent, a file name in a URL), and
     * when the hash sampled only some bytes they shared slots and kept evicting each other; each miss
     * costs a new String here and a cache miss in every detector keyed by the instance. On the bench
     * log's 559 distinct user agents in 4,096 slots, sampling 12 bytes kept 59 % of them, this keeps
     * what a random hash would. A hit reads the whole value anyway, to compare it.
     */
    private int slot(byte[] b, int from, int length) {
        long h = length;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E37_79B9_7F4A_7C15L;
        }
        for (; i < end; i++) {
            h = (h ^ b[i]) * 0x9E37_79B9_7F4A_7C15L;
        }
        // MurmurHash3's finaliser: every input bit reaches the low bits the mask keeps.
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    /** The String for {@code [from, to)} (UTF-8), shared with earlier calls for the same bytes when still cached. */
    public String get(byte[] b, int from, int to) {
        int length = to - from;
        if (length > MAX_BYTES) {
            return Ascii.string(b, from, to);
        }
        byte[] last = lastKey;
        if (last != null && last.length == length && Arrays.equals(last, 0, length, b, from, to)) {
            return lastValue;
        }
        int slot = slot(b, from, length);
        byte[] key = keys[slot];
        if (key == null || !Arrays.equals(key, 0, key.length, b, from, to)) {
            key = Arrays.copyOfRange(b, from, to);
            keys[slot] = key;
            values[slot] = Ascii.string(b, from, to);
        }
        lastKey = key;
        lastValue = values[slot];
        return lastValue;
    }
}
