package org.hotline.geo.csv;

import java.util.Arrays;
import org.hotline.event.IpAddress;

/**
 * Disjoint address ranges with an {@code int} value each, in sorted primitive arrays — IPv4 as
 * {@code int} pairs, IPv6 as {@code long} quadruples — looked up by binary search: no objects per
 * range, about 12 bytes per IPv4 range and 36 per IPv6 range, and no allocation per lookup.
 *
 * <p>Built once, then read-only and safe to share between threads.
 */
final class RangeTable {

    static final int NOT_FOUND = -1;

    private final int[] v4Start;
    private final int[] v4End;
    private final int[] v4Value;
    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final long[] v6EndHi;
    private final long[] v6EndLo;
    private final int[] v6Value;

    private RangeTable(Builder b) {
        int[] order4 = sortedOrder4(b);
        v4Start = permute(b.v4Start, order4);
        v4End = permute(b.v4End, order4);
        v4Value = permute(b.v4Value, order4);
        int[] order6 = sortedOrder6(b);
        v6StartHi = permute(b.v6StartHi, order6);
        v6StartLo = permute(b.v6StartLo, order6);
        v6EndHi = permute(b.v6EndHi, order6);
        v6EndLo = permute(b.v6EndLo, order6);
        v6Value = permute(b.v6Value, order6);
    }

    int size() {
        return v4Start.length + v6StartHi.length;
    }

    /** The value of the range holding {@code ip}, or {@link #NOT_FOUND}. */
    int valueOf(IpAddress ip) {
        if (ip.isV4()) {
            int x = ip.v4Bits();
            int lo = 0;
            int hi = v4Start.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (Integer.compareUnsigned(v4Start[mid], x) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found >= 0 && Integer.compareUnsigned(x, v4End[found]) <= 0 ? v4Value[found] : NOT_FOUND;
        }
        long xh = ip.high();
        long xl = ip.low();
        int lo = 0;
        int hi = v6StartHi.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(v6StartHi[mid], v6StartLo[mid], xh, xl) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && compare(xh, xl, v6EndHi[found], v6EndLo[found]) <= 0 ? v6Value[found] : NOT_FOUND;
    }

    /** Where the first overlap between two ranges lies, or null when all ranges are disjoint. */
    String firstOverlap() {
        for (int i = 1; i < v4Start.length; i++) {
            if (Integer.compareUnsigned(v4Start[i], v4End[i - 1]) <= 0) {
                return IpAddress.ofV4(v4Start[i]) + " (range " + IpAddress.ofV4(v4Start[i - 1]) + "-" + IpAddress.ofV4(v4End[i - 1])
                        + " and one starting at " + IpAddress.ofV4(v4Start[i]) + ")";
            }
        }
        for (int i = 1; i < v6StartHi.length; i++) {
            if (compare(v6StartHi[i], v6StartLo[i], v6EndHi[i - 1], v6EndLo[i - 1]) <= 0) {
                return new IpAddress(v6StartHi[i], v6StartLo[i]).toString();
            }
        }
        return null;
    }

    private static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compareUnsigned(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    /** Indexes in start order; the identity when the input was already sorted (ip-location-db's is). */
    private static int[] sortedOrder4(Builder b) {
        Integer[] idx = identity(b.n4);
        boolean sorted = true;
        for (int i = 1; i < b.n4 && sorted; i++) {
            sorted = Integer.compareUnsigned(b.v4Start[i - 1], b.v4Start[i]) <= 0;
        }
        if (!sorted) {
            Arrays.sort(idx, (x, y) -> Integer.compareUnsigned(b.v4Start[x], b.v4Start[y]));
        }
        return unbox(idx);
    }

    private static int[] sortedOrder6(Builder b) {
        Integer[] idx = identity(b.n6);
        Arrays.sort(idx, (x, y) -> compare(b.v6StartHi[x], b.v6StartLo[x], b.v6StartHi[y], b.v6StartLo[y]));
        return unbox(idx);
    }

    private static Integer[] identity(int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static int[] unbox(Integer[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static int[] permute(int[] a, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static long[] permute(long[] a, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    /** Collects ranges in any order; {@link #build()} sorts them. Not thread-safe. */
    static final class Builder {
        private int[] v4Start = new int[1024];
        private int[] v4End = new int[1024];
        private int[] v4Value = new int[1024];
        private int n4;
        private long[] v6StartHi = new long[256];
        private long[] v6StartLo = new long[256];
        private long[] v6EndHi = new long[256];
        private long[] v6EndLo = new long[256];
        private int[] v6Value = new int[256];
        private int n6;

        void add(IpAddress first, IpAddress last, int value) {
            if (first.isV4()) {
                if (n4 == v4Start.length) {
                    v4Start = Arrays.copyOf(v4Start, n4 * 2);
                    v4End = Arrays.copyOf(v4End, n4 * 2);
                    v4Value = Arrays.copyOf(v4Value, n4 * 2);
                }
                v4Start[n4] = first.v4Bits();
                v4End[n4] = last.v4Bits();
                v4Value[n4++] = value;
                return;
            }
            if (n6 == v6StartHi.length) {
                v6StartHi = Arrays.copyOf(v6StartHi, n6 * 2);
                v6StartLo = Arrays.copyOf(v6StartLo, n6 * 2);
                v6EndHi = Arrays.copyOf(v6EndHi, n6 * 2);
                v6EndLo = Arrays.copyOf(v6EndLo, n6 * 2);
                v6Value = Arrays.copyOf(v6Value, n6 * 2);
            }
            v6StartHi[n6] = first.high();
            v6StartLo[n6] = first.low();
            v6EndHi[n6] = last.high();
            v6EndLo[n6] = last.low();
            v6Value[n6++] = value;
        }

        RangeTable build() {
            v4Start = Arrays.copyOf(v4Start, n4);
            v4End = Arrays.copyOf(v4End, n4);
            v4Value = Arrays.copyOf(v4Value, n4);
            v6StartHi = Arrays.copyOf(v6StartHi, n6);
            v6StartLo = Arrays.copyOf(v6StartLo, n6);
            v6EndHi = Arrays.copyOf(v6EndHi, n6);
            v6EndLo = Arrays.copyOf(v6EndLo, n6);
            v6Value = Arrays.copyOf(v6Value, n6);
            return new RangeTable(this);
        }
    }
}
