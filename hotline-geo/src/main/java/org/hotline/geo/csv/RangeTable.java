package org.hotline.geo.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.InputException;
import org.hotline.event.IpAddress;

/**
 * Disjoint address ranges with an {@code int} value each, in sorted primitive arrays — IPv4 as
 * {@code int} pairs, IPv6 as {@code long} quadruples — looked up by binary search: no objects per
 * range, about 12 bytes per IPv4 range and 36 per IPv6 range, and no allocation per lookup.
 *
 * <p>The rule for overlaps, applied by {@link Builder#build}: the rows of a file are taken in
 * address order (by start; rows with the same start in file order), whatever order the file lists
 * them in, and a row that overlaps the ones before it keeps only its part after them — the one
 * starting first keeps the overlap — or is skipped when it lies wholly inside them. For a sorted
 * file, as ip-location-db publishes, that is "the earlier row wins" (the real ASN data has one such
 * pair, at 215.0.0.0/16). Rows of different files that overlap are refused: two files given for one
 * role are meant to be parts (IPv4 and IPv6), not rival opinions.
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
    /** Per file: rows skipped or clipped while settling overlaps, as {@link LoadReport#withOverlaps} takes them. */
    private final List<Overlaps> overlaps;

    /** What settling the overlaps did to one file's rows. */
    record Overlaps(long dropped, long clipped, List<LoadReport.Problem> first) {
        Overlaps {
            first = List.copyOf(first);
        }
    }

    private RangeTable(Ranges v4, Ranges v6, List<Overlaps> overlaps) {
        v4Start = new int[v4.n];
        v4End = new int[v4.n];
        for (int i = 0; i < v4.n; i++) {
            v4Start[i] = (int) v4.startLo[i];
            v4End[i] = (int) v4.endLo[i];
        }
        v4Value = Arrays.copyOf(v4.value, v4.n);
        v6StartHi = Arrays.copyOf(v6.startHi, v6.n);
        v6StartLo = Arrays.copyOf(v6.startLo, v6.n);
        v6EndHi = Arrays.copyOf(v6.endHi, v6.n);
        v6EndLo = Arrays.copyOf(v6.endLo, v6.n);
        v6Value = Arrays.copyOf(v6.value, v6.n);
        this.overlaps = List.copyOf(overlaps);
    }

    int size() {
        return v4Start.length + v6StartHi.length;
    }

    /** What settling the overlaps did to the rows of the {@code file}-th file. */
    Overlaps overlaps(int file) {
        return overlaps.get(file);
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

    /** Each range in address order, IPv4 first: the order {@link AsnCsvConverter} writes them in. */
    void forEach(RangeConsumer action) {
        for (int i = 0; i < v4Start.length; i++) {
            action.range(IpAddress.ofV4(v4Start[i]), IpAddress.ofV4(v4End[i]), v4Value[i]);
        }
        for (int i = 0; i < v6StartHi.length; i++) {
            action.range(new IpAddress(v6StartHi[i], v6StartLo[i]), new IpAddress(v6EndHi[i], v6EndLo[i]), v6Value[i]);
        }
    }

    @FunctionalInterface
    interface RangeConsumer {
        void range(IpAddress first, IpAddress last, int value);
    }

    private static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compareUnsigned(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    /**
     * One family's ranges as 128-bit numbers (IPv4 in the low 32 bits), with the file and line each
     * came from. Growable while rows are added; {@link #settled} makes the sorted, disjoint copy.
     */
    private static final class Ranges {
        final boolean v4;
        long[] startHi = new long[1024];
        long[] startLo = new long[1024];
        long[] endHi = new long[1024];
        long[] endLo = new long[1024];
        int[] value = new int[1024];
        int[] file = new int[1024];
        int[] line = new int[1024];
        int n;

        Ranges(boolean v4) {
            this.v4 = v4;
        }

        void add(long sHi, long sLo, long eHi, long eLo, int v, int f, int l) {
            if (n == startHi.length) {
                startHi = Arrays.copyOf(startHi, n * 2);
                startLo = Arrays.copyOf(startLo, n * 2);
                endHi = Arrays.copyOf(endHi, n * 2);
                endLo = Arrays.copyOf(endLo, n * 2);
                value = Arrays.copyOf(value, n * 2);
                file = Arrays.copyOf(file, n * 2);
                line = Arrays.copyOf(line, n * 2);
            }
            startHi[n] = sHi;
            startLo[n] = sLo;
            endHi[n] = eHi;
            endLo[n] = eLo;
            value[n] = v;
            file[n] = f;
            line[n++] = l;
        }

        /**
         * The ranges sorted by start (a stable sort: equal starts stay in file order) with overlaps
         * settled by the class's rule, each skipped or clipped row noted in {@code notes}.
         */
        Ranges settled(List<String> files, List<Notes> notes) {
            Ranges out = new Ranges(v4);
            int[] order = order();
            boolean any = false;
            long maxHi = 0;
            long maxLo = 0;
            int keptAt = -1;   // the kept range that ends last: the only one a later start can overlap
            for (int k : order) {
                long sHi = startHi[k];
                long sLo = startLo[k];
                if (any && compare(sHi, sLo, maxHi, maxLo) <= 0) {
                    if (file[k] != file[keptAt]) {
                        throw new InputException(files + ": ranges from different files overlap at " + address(sHi, sLo)
                                + " (" + files.get(file[keptAt]) + " line " + line[keptAt] + ", "
                                + files.get(file[k]) + " line " + line[k] + ")");
                    }
                    String earlier = "line " + line[keptAt] + "'s range " + address(startHi[keptAt], startLo[keptAt])
                            + "-" + address(maxHi, maxLo);
                    if (compare(endHi[k], endLo[k], maxHi, maxLo) <= 0) {
                        notes.get(file[k]).add(line[k], "columns 1-2: lies wholly inside " + earlier + "; skipped", false);
                        continue;
                    }
                    sLo = maxLo + 1;
                    sHi = sLo == 0 ? maxHi + 1 : maxHi;
                    notes.get(file[k]).add(line[k], "columns 1-2: overlaps " + earlier + "; kept from " + address(sHi, sLo), true);
                }
                out.add(sHi, sLo, endHi[k], endLo[k], value[k], file[k], line[k]);
                startHi[k] = sHi;   // as kept, for the next row's message
                startLo[k] = sLo;
                keptAt = k;
                maxHi = endHi[k];
                maxLo = endLo[k];
                any = true;
            }
            return out;
        }

        /** Indexes in start order; the identity when the rows came sorted (ip-location-db's do). */
        private int[] order() {
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = compare(startHi[i - 1], startLo[i - 1], startHi[i], startLo[i]) <= 0;
            }
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            if (!sorted) {
                Arrays.sort(idx, (x, y) -> compare(startHi[x], startLo[x], startHi[y], startLo[y]));   // stable
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = idx[i];
            }
            return out;
        }

        private IpAddress address(long hi, long lo) {
            return v4 ? IpAddress.ofV4((int) lo) : new IpAddress(hi, lo);
        }
    }

    /** The skipped and clipped rows of one file while settling, the first few kept by line. */
    private static final class Notes {
        long dropped;
        long clipped;
        final List<LoadReport.Problem> first = new ArrayList<>();

        void add(long line, String reason, boolean clippedRow) {
            if (clippedRow) {
                clipped++;
            } else {
                dropped++;
            }
            first.add(new LoadReport.Problem(line, reason, clippedRow));
            if (first.size() > 4 * LoadReport.KEPT_PROBLEMS) {   // found in address order: keep the lowest lines
                first.sort(java.util.Comparator.comparingLong(LoadReport.Problem::line));
                first.subList(LoadReport.KEPT_PROBLEMS, first.size()).clear();
            }
        }

        Overlaps overlaps() {
            first.sort(java.util.Comparator.comparingLong(LoadReport.Problem::line));
            return new Overlaps(dropped, clipped, first.subList(0, Math.min(LoadReport.KEPT_PROBLEMS, first.size())));
        }
    }

    /** Collects ranges in any order, with the file and line of each; {@link #build()} sorts and settles them. Not thread-safe. */
    static final class Builder {
        private final List<String> files;
        private final Ranges v4 = new Ranges(true);
        private final Ranges v6 = new Ranges(false);

        /** @param files the names of the files rows will come from, indexed as {@link #add} is given them */
        Builder(List<String> files) {
            this.files = List.copyOf(files);
        }

        void add(IpAddress first, IpAddress last, int value, int file, long line) {
            int l = (int) Math.min(line, Integer.MAX_VALUE);   // kept for messages only; no range file has 2^31 lines
            if (first.isV4()) {
                v4.add(0, Integer.toUnsignedLong(first.v4Bits()), 0, Integer.toUnsignedLong(last.v4Bits()), value, file, l);
            } else {
                v6.add(first.high(), first.low(), last.high(), last.low(), value, file, l);
            }
        }

        /**
         * The table, overlaps settled by the class's rule.
         *
         * @throws InputException when rows of different files overlap, naming the address and both lines
         */
        RangeTable build() {
            List<Notes> notes = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                notes.add(new Notes());
            }
            Ranges settled4 = v4.settled(files, notes);
            Ranges settled6 = v6.settled(files, notes);
            return new RangeTable(settled4, settled6, notes.stream().map(Notes::overlaps).toList());
        }
    }
}
