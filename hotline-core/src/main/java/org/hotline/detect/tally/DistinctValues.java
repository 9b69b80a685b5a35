package org.hotline.detect.tally;

/**
 * Counts distinct 64-bit values (ports, hashed addresses, hashed paths) up to a cap, then stops
 * growing: the count it reports is {@code min(true distinct count, cap)}.
 *
 * <p>Why that count is order-independent and mergeable although the kept values are not: a set
 * that reached the cap reports the cap whatever else is added, and a set below the cap holds all
 * its values exactly, so the union of two such sets, capped, equals the capped distinct count of
 * all their inputs. Which values a full set holds depends on arrival order, so nothing but the
 * count may be read from it. Hashed values can collide (2^-64 per pair), which can only lower the
 * count.
 */
public final class DistinctValues {
    private static final long EMPTY = 0L;

    private final int cap;
    private long[] slots = new long[4];
    private boolean hasZero;
    private int size;

    public DistinctValues(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1: " + cap);
        }
        this.cap = cap;
    }

    public void add(long value) {
        if (size >= cap) {
            return;
        }
        if (value == EMPTY) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    public boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    public void mergeFrom(DistinctValues other) {
        if (other.hasZero) {
            add(EMPTY);
        }
        for (long v : other.slots) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    /** {@code min(distinct values added, cap)}. */
    public int count() {
        return size;
    }

    /** The capped distinct count of this set and another together, without changing either. */
    public int unionCount(DistinctValues other) {
        int n = size;
        if (other.hasZero && !hasZero) {
            n++;
        }
        for (long v : other.slots) {
            if (n >= cap) {
                return cap;
            }
            if (v != EMPTY && !contains(v)) {
                n++;
            }
        }
        return Math.min(n, cap);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    private static int spread(long v) {
        long h = v * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
