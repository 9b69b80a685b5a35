package org.hotline.detect.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.hotline.detect.Attack;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * The cells of {@link WindowedTallies}, one per (source, name, window) that saw an event, with what
 * the cell saw: the sums, extremes and earliest evidence that {@link Tally} describes.
 *
 * <p>Why one open-addressing {@code long[]} and not a map of objects: a million-line web log makes
 * hundreds of thousands of cells (a source's requests per minute, for the flood detector), nearly
 * all with one or two events. As a {@code HashMap<CellKey, Tally>} each cost seven objects and
 * about 270 bytes, which the garbage collector copied again at every young collection — more time
 * than the detection itself. Here a cell is {@link #STRIDE} longs side by side: the source's two
 * longs, the name (target and signature, numbered per table), the window, the tally's numbers,
 * and its first two evidence positions packed as file number and line. A cell that collects a
 * third position moves its evidence to a region of one shared {@code long[]} pool; only a cell that
 * counts distinct values gets an object ({@link DistinctValues}), found through its index.
 *
 * <p>A slot is empty while its event count is 0 (every cell has at least one event). Not
 * thread-safe, like the detector that owns it.
 */
final class CellTable {
    private static final int STRIDE = 14;
    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int NAME = 2;
    private static final int WINDOW = 3;
    private static final int EVENTS = 4;
    private static final int FIRST = 5;
    private static final int LAST = 6;
    private static final int BYTES = 7;
    private static final int SEVERITY = 8;
    private static final int VERIFICATION = 9;
    private static final int POSITION_A = 10;
    private static final int POSITION_B = 11;
    private static final int POOLED = 12;
    private static final int DISTINCT = 13;

    private static final Verification[] VERIFICATIONS = Verification.values();
    /** A packed position: file number above bit 40, line (>= 1, so never 0) below; 0 = none. */
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;

    private final int distinctCap;
    private long[] table;
    private int mask;
    private int size;
    private int resizeAt;

    /** Evidence of cells that outgrew two positions: per cell a count and {@link #LIMIT} packed positions. */
    private static final int LIMIT = Attack.MAX_EVIDENCE;
    private static final int REGION = LIMIT + 1;
    private long[] pool = new long[REGION * 4];
    private int pooled;
    /** Per DISTINCT index - 1: the cell's distinct values, for tables with a distinct cap. */
    private List<DistinctValues> distinct = new ArrayList<>();

    private List<String> targets = new ArrayList<>();
    private List<String> signatures = new ArrayList<>();
    private Map<List<String>, Integer> names = new HashMap<>();
    private String lastTarget;
    private String lastSignature;
    private int lastName = -1;

    /** The cell {@link #claim(IpAddress, String, String, long)} returned last; -1 after the table moved. */
    private int lastAt = -1;
    private long lastHigh;
    private long lastLow;
    private long lastWindow;
    private int lastCellName;

    private List<String> files = new ArrayList<>();
    private Map<String, Integer> fileNumbers = new HashMap<>();
    /** Per file number of the table whose file list is {@code translatedFiles}: this table's number, or -1. */
    private List<String> translatedFiles;
    private int[] fileTranslation;
    /** The smallest timed window among the cells, {@link Long#MAX_VALUE} when there is none. */
    private long minWindow = Long.MAX_VALUE;
    /** The largest timed window among the cells, {@link Long#MIN_VALUE} when there is none. */
    private long maxWindow = Long.MIN_VALUE;
    /** Cells of the untimed window. */
    private int untimedCells;
    /** The largest event count of a cell: what a {@link Settlement} bounds its windows' sums by. */
    private long maxEvents;
    private String lastFile;
    private int lastFileNumber = -1;

    /** @param distinctCap distinct values each cell counts up to; 0 for none */
    CellTable(int distinctCap) {
        this(distinctCap, 1 << 8);
    }

    /** @param capacity slots to start with, a power of two */
    private CellTable(int distinctCap, int capacity) {
        this.distinctCap = distinctCap;
        allocate(capacity);
    }

    /** The cell of (source, target, signature, window), made empty-handed if new; returns its index. */
    int claim(IpAddress source, String target, String signature, long window) {
        int name = name(target, signature);
        // A client's requests come in runs (a page and its assets), so the cell is often the last
        // one: comparing four numbers saves a probe into a table too big for the CPU caches.
        long h = source.high();
        long l = source.low();
        if (lastAt >= 0 && l == lastLow && h == lastHigh && window == lastWindow && name == lastCellName) {
            return lastAt;
        }
        int at = claim(h, l, name, window);
        lastHigh = h;
        lastLow = l;
        lastWindow = window;
        lastCellName = name;
        lastAt = at;
        return at;
    }

    /** The index of the cell, or -1 when there is none. */
    int find(int at, long window) {
        long[] t = table;
        return find(t[at + HIGH], t[at + LOW], (int) t[at + NAME], window);
    }

    /** Counts {@code e} in cell {@code at}, as {@link Tally} would. */
    void add(int at, Event e) {
        long[] t = table;
        long events = ++t[at + EVENTS];
        if (events > maxEvents) {
            maxEvents = events;
        }
        if (e.hasTime()) {
            t[at + FIRST] = Math.min(t[at + FIRST], e.time());
            t[at + LAST] = Math.max(t[at + LAST], e.time());
        }
        if (e.bytes() >= 0) {
            t[at + BYTES] = Math.max(t[at + BYTES], 0) + e.bytes();
        }
        int v = e.verification().ordinal();
        if (v != t[at + VERIFICATION]) {
            t[at + VERIFICATION] = VERIFICATIONS[v].strongest(VERIFICATIONS[(int) t[at + VERIFICATION]]).ordinal();
        }
        if (e.detail() instanceof EventDetail.IdsAlert alert && alert.severity() > 0) {
            t[at + SEVERITY] = Tally.strongerSeverity((int) t[at + SEVERITY], alert.severity());
        }
        offer(at, e.position());
    }

    /** Counts a distinct value in cell {@code at}; only for a table made with a distinct cap. */
    void addDistinct(int at, long value) {
        distinct.get((int) table[at + DISTINCT] - 1).add(value);
    }

    long events(int at) {
        return table[at + EVENTS];
    }

    long window(int at) {
        return table[at + WINDOW];
    }

    int distinctCount(int at) {
        return distinctCap == 0 ? 0 : distinct.get((int) table[at + DISTINCT] - 1).count();
    }

    int distinctUnion(int at, int other) {
        return distinctCap == 0 ? 0
                : distinct.get((int) table[at + DISTINCT] - 1).unionCount(distinct.get((int) table[other + DISTINCT] - 1));
    }

    IpAddress source(int at) {
        return new IpAddress(table[at + HIGH], table[at + LOW]);
    }

    String target(int at) {
        return targets.get((int) table[at + NAME]);
    }

    String signature(int at) {
        return signatures.get((int) table[at + NAME]);
    }

    /** Folds cell {@code at} into a run of windows being summed. */
    void addTo(int at, Tally run) {
        long[] t = table;
        run.events += t[at + EVENTS];
        run.first = Math.min(run.first, t[at + FIRST]);
        run.last = Math.max(run.last, t[at + LAST]);
        if (t[at + BYTES] >= 0) {
            run.bytes = Math.max(run.bytes, 0) + t[at + BYTES];
        }
        run.severity = Tally.strongerSeverity(run.severity, (int) t[at + SEVERITY]);
        run.verification = run.verification.strongest(VERIFICATIONS[(int) t[at + VERIFICATION]]);
        forEachPosition(at, run.evidence::offer);
    }

    /** Folds in every cell of another table (same distinct cap). */
    void mergeFrom(CellTable other) {
        // Room for both first: inserting another table's cells in its slot order into a smaller
        // table of the same hash piles them into long probe runs (most of the merge time, measured).
        reserve(size + other.size);
        long[] o = other.table;
        for (int from = 0; from < o.length; from += STRIDE) {
            if (o[from + EVENTS] != 0) {
                mergeCell(other, from);
            }
        }
    }

    /** Folds cell {@code from} of another table (same distinct cap) into this table's cell of its key. */
    private void mergeCell(CellTable other, int from) {
        long[] o = other.table;
        int name = (int) o[from + NAME];
        int at = claim(o[from + HIGH], o[from + LOW], name(other.targets.get(name), other.signatures.get(name)),
                o[from + WINDOW]);
        long[] t = table;
        t[at + EVENTS] += o[from + EVENTS];
        if (t[at + EVENTS] > maxEvents) {
            maxEvents = t[at + EVENTS];
        }
        t[at + FIRST] = Math.min(t[at + FIRST], o[from + FIRST]);
        t[at + LAST] = Math.max(t[at + LAST], o[from + LAST]);
        if (o[from + BYTES] >= 0) {
            t[at + BYTES] = Math.max(t[at + BYTES], 0) + o[from + BYTES];
        }
        t[at + SEVERITY] = Tally.strongerSeverity((int) t[at + SEVERITY], (int) o[from + SEVERITY]);
        t[at + VERIFICATION] = VERIFICATIONS[(int) t[at + VERIFICATION]]
                .strongest(VERIFICATIONS[(int) o[from + VERIFICATION]]).ordinal();
        mergePositions(other, from, at);
        if (distinctCap > 0) {
            distinct.get((int) t[at + DISTINCT] - 1).mergeFrom(other.distinct.get((int) o[from + DISTINCT] - 1));
        }
    }

    /**
     * Offers the evidence of cell {@code from} of {@code other} to cell {@code at}, packed as they
     * are, with only the file number translated: cells move between tables at every hand-over, and
     * unpacking each position into an object and looking its file name up again cost more than
     * the rest of the move.
     */
    private void mergePositions(CellTable other, int from, int at) {
        long[] o = other.table;
        if (o[from + POOLED] != 0) {
            int base = (int) o[from + POOLED] - 1;
            long[] kept = other.pool;
            for (int i = 0; i < kept[base]; i++) {
                offerPacked(at, translate(other, kept[base + 1 + i]));
            }
            return;
        }
        if (o[from + POSITION_A] != 0) {
            offerPacked(at, translate(other, o[from + POSITION_A]));
        }
        if (o[from + POSITION_B] != 0) {
            offerPacked(at, translate(other, o[from + POSITION_B]));
        }
    }

    /** A position packed by {@code other}, packed with this table's file number. */
    private long translate(CellTable other, long packed) {
        if (translatedFiles != other.files) {
            translatedFiles = other.files;
            fileTranslation = new int[Math.max(4, other.files.size())];
            Arrays.fill(fileTranslation, -1);
        }
        int file = (int) (packed >>> LINE_BITS);
        if (file >= fileTranslation.length) {
            int old = fileTranslation.length;
            fileTranslation = Arrays.copyOf(fileTranslation, Math.max(file + 1, old * 2));
            Arrays.fill(fileTranslation, old, fileTranslation.length, -1);
        }
        int mine = fileTranslation[file];
        if (mine < 0) {
            mine = fileNumber(other.files.get(file));
            fileTranslation[file] = mine;
        }
        return (long) mine << LINE_BITS | (packed & LINE_MASK);
    }

    /** Cells held. */
    int size() {
        return size;
    }

    /** The smallest timed window among the cells, {@link Long#MAX_VALUE} when there is none. */
    long minWindow() {
        return minWindow;
    }

    /** The largest timed window among the cells, {@link Long#MIN_VALUE} when there is none. */
    long maxWindow() {
        return maxWindow;
    }

    /** Whether some cell is of the untimed window. */
    boolean hasUntimed() {
        return untimedCells > 0;
    }

    /** No cell counts more events than this (0 when empty). */
    long maxEvents() {
        return maxEvents;
    }

    /** An empty table with the same distinct cap and room for as many cells as this one holds. */
    CellTable emptyLike() {
        // A worker hands its table over at every closing, so a new one starts at the size the
        // last one reached (they are alike), and a detector that saw a few cells gets a small one.
        int capacity = 16;
        while (size >= (int) (capacity * 0.7)) {
            capacity *= 2;
        }
        return new CellTable(distinctCap, capacity);
    }

    /**
     * Folds every cell into {@code into}, except those of timed windows below {@code dropBelow},
     * which are dropped; this table is not to be used afterwards. For a table handed over whole,
     * whose older windows were judged while it waited (see {@link Settlement}).
     */
    void drainInto(CellTable into, long dropBelow) {
        into.reserve(into.size + size);
        long[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                long window = t[at + WINDOW];
                if (window == WindowedTallies.UNTIMED || window >= dropBelow) {
                    into.mergeCell(this, at);
                }
            }
        }
    }

    /**
     * Takes the timed cells of windows below {@code limit} out of this table (all cells, untimed
     * ones too, when {@code limit} is {@link Long#MAX_VALUE}) and folds them into {@code into}, or
     * drops them when it is null. The cells that stay are packed into fresh arrays, so the memory of
     * the moved ones (slots, pooled evidence, distinct values) is freed, not left as holes.
     */
    void moveBelow(long limit, CellTable into) {
        if (limit != Long.MAX_VALUE && minWindow >= limit) {
            return;
        }
        long[] t = table;
        int staying = 0;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0 && !moves(t[at + WINDOW], limit)) {
                staying++;
            }
        }
        if (into != null) {
            into.reserve(into.size + size - staying);
        }
        CellTable kept = new CellTable(distinctCap);
        // Room for as many cells as now: the table fills up again by the next move, and growing
        // it back from empty, doubling by doubling, cost more than the move itself.
        kept.reserve(Math.max(staying, size));
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] == 0) {
                continue;
            }
            if (!moves(t[at + WINDOW], limit)) {
                kept.mergeCell(this, at);
            } else if (into != null) {
                into.mergeCell(this, at);
            }
        }
        adopt(kept);
    }

    private static boolean moves(long window, long limit) {
        return limit == Long.MAX_VALUE || (window != WindowedTallies.UNTIMED && window < limit);
    }

    /** Becomes {@code other}, which is dropped: its arrays, names and file numbers. */
    private void adopt(CellTable other) {
        table = other.table;
        mask = other.mask;
        size = other.size;
        resizeAt = other.resizeAt;
        pool = other.pool;
        pooled = other.pooled;
        distinct = other.distinct;
        targets = other.targets;
        signatures = other.signatures;
        names = other.names;
        files = other.files;
        fileNumbers = other.fileNumbers;
        minWindow = other.minWindow;
        maxWindow = other.maxWindow;
        untimedCells = other.untimedCells;
        maxEvents = other.maxEvents;
        lastAt = -1;
        lastTarget = null;
        lastSignature = null;
        lastName = -1;
        lastFile = null;
        lastFileNumber = -1;
        translatedFiles = null;
        fileTranslation = null;
    }

    /** Calls {@code visitor} with the index of every cell. */
    void forEachCell(IntConsumer visitor) {
        long[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                visitor.accept(at);
            }
        }
    }

    /** Cells, evidence positions and distinct values held (as the object tallies counted them). */
    long entries() {
        long[] t = table;
        long n = 0;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                long positions = t[at + POOLED] != 0 ? pool[(int) t[at + POOLED] - 1]
                        : (t[at + POSITION_A] != 0 ? 1 : 0) + (t[at + POSITION_B] != 0 ? 1 : 0);
                n += 1 + positions + distinctCount(at);
            }
        }
        return n;
    }

    // --- evidence: two packed positions in the slot, then a region of the pool ---

    /** Keeps the earliest {@link #LIMIT} distinct positions, as {@link EarliestPositions} does. */
    private void offer(int at, InputPosition position) {
        offerPacked(at, pack(position));
    }

    private void offerPacked(int at, long p) {
        long[] t = table;
        if (t[at + POOLED] != 0) {
            offerPooled((int) t[at + POOLED] - 1, p);
            return;
        }
        long a = t[at + POSITION_A];
        long b = t[at + POSITION_B];
        if (a == 0) {
            t[at + POSITION_A] = p;
        } else if (p == a || p == b) {
            return;
        } else if (b == 0) {
            if (compare(p, a) < 0) {
                t[at + POSITION_A] = p;
                t[at + POSITION_B] = a;
            } else {
                t[at + POSITION_B] = p;
            }
        } else {
            int base = pooled * REGION;
            if (base + REGION > pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            pooled++;
            pool[base] = 2;
            pool[base + 1] = a;
            pool[base + 2] = b;
            t[at + POSITION_A] = 0;
            t[at + POSITION_B] = 0;
            t[at + POOLED] = base + 1;
            offerPooled(base, p);
        }
    }

    private void offerPooled(int base, long p) {
        long[] kept = pool;
        int size = (int) kept[base];
        if (size == LIMIT && compare(p, kept[base + size]) >= 0) {
            return;
        }
        int insert = 0;
        while (insert < size && compare(kept[base + 1 + insert], p) < 0) {
            insert++;
        }
        if (insert < size && kept[base + 1 + insert] == p) {
            return;
        }
        int keep = Math.min(size, LIMIT - 1);
        System.arraycopy(kept, base + 1 + insert, kept, base + 2 + insert, keep - insert);
        kept[base + 1 + insert] = p;
        kept[base] = keep + 1;
    }

    private void forEachPosition(int at, Consumer<InputPosition> visitor) {
        long[] t = table;
        if (t[at + POOLED] != 0) {
            int base = (int) t[at + POOLED] - 1;
            for (int i = 0; i < pool[base]; i++) {
                visitor.accept(unpack(pool[base + 1 + i]));
            }
            return;
        }
        if (t[at + POSITION_A] != 0) {
            visitor.accept(unpack(t[at + POSITION_A]));
        }
        if (t[at + POSITION_B] != 0) {
            visitor.accept(unpack(t[at + POSITION_B]));
        }
    }

    /** Input order ({@link EarliestPositions#INPUT_ORDER}): file name, then line. */
    private int compare(long p, long q) {
        int fp = (int) (p >>> LINE_BITS);
        int fq = (int) (q >>> LINE_BITS);
        if (fp != fq) {
            int c = files.get(fp).compareTo(files.get(fq));
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(p & LINE_MASK, q & LINE_MASK);
    }

    /**
     * File number and line in one long. Limits, far beyond any input: 2^23 files, lines below 2^40
     * (a trillion lines is tens of terabytes).
     */
    private long pack(InputPosition p) {
        int number = fileNumber(p.file());
        if (p.line() > LINE_MASK || number >= 1 << (63 - LINE_BITS)) {
            throw new IllegalArgumentException("evidence position beyond 2^23 files or 2^40 lines: " + p);
        }
        return (long) number << LINE_BITS | p.line();
    }

    private int fileNumber(String file) {
        if (file == lastFile) {
            return lastFileNumber;
        }
        Integer known = fileNumbers.get(file);
        if (known == null) {
            known = files.size();
            files.add(file);
            fileNumbers.put(file, known);
        }
        lastFile = file;
        lastFileNumber = known;
        return known;
    }

    private InputPosition unpack(long packed) {
        return new InputPosition(files.get((int) (packed >>> LINE_BITS)), packed & LINE_MASK);
    }

    // --- the open-addressing table ---

    private int name(String target, String signature) {
        if (target == lastTarget && signature == lastSignature) {
            return lastName;
        }
        Integer known = names.get(List.of(target, signature));
        if (known == null) {
            known = targets.size();
            targets.add(target);
            signatures.add(signature);
            names.put(List.of(target, signature), known);
        }
        lastTarget = target;
        lastSignature = signature;
        lastName = known;
        return known;
    }

    private int find(long h, long l, int name, long window) {
        long[] t = table;
        for (int slot = hash(h, l, name, window) & mask; t[slot * STRIDE + EVENTS] != 0; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            if (t[at + HIGH] == h && t[at + LOW] == l && t[at + WINDOW] == window && t[at + NAME] == name) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Like {@link #find}, but claims and initialises an empty slot for a new cell. Its event count
     * stays 0 (the mark of an empty slot) until the caller counts the first event, which every
     * caller does before it claims again.
     */
    private int claim(long h, long l, int name, long window) {
        long[] t = table;
        int slot = hash(h, l, name, window) & mask;
        while (t[slot * STRIDE + EVENTS] != 0) {
            int at = slot * STRIDE;
            if (t[at + HIGH] == h && t[at + LOW] == l && t[at + WINDOW] == window && t[at + NAME] == name) {
                return at;
            }
            slot = (slot + 1) & mask;
        }
        if (size == resizeAt) {
            grow();
            return claim(h, l, name, window);
        }
        size++;
        if (window == WindowedTallies.UNTIMED) {
            untimedCells++;
        } else {
            minWindow = Math.min(minWindow, window);
            maxWindow = Math.max(maxWindow, window);
        }
        int at = slot * STRIDE;
        t[at + HIGH] = h;
        t[at + LOW] = l;
        t[at + NAME] = name;
        t[at + WINDOW] = window;
        t[at + FIRST] = Long.MAX_VALUE;
        t[at + LAST] = Long.MIN_VALUE;
        t[at + BYTES] = -1;
        t[at + SEVERITY] = -1;
        t[at + VERIFICATION] = Verification.REFLECTED.ordinal();
        t[at + POSITION_A] = 0;
        t[at + POSITION_B] = 0;
        t[at + POOLED] = 0;
        t[at + DISTINCT] = 0;
        if (distinctCap > 0) {
            distinct.add(new DistinctValues(distinctCap));
            t[at + DISTINCT] = distinct.size();
        }
        return at;
    }

    private static int hash(long h, long l, int name, long window) {
        long x = h * 0x9E37_79B9_7F4A_7C15L ^ l;
        x ^= x >>> 29;
        x = (x ^ window * 0xC2B2_AE3D_27D4_EB4FL ^ name) * 0xBF58_476D_1CE4_E5B9L;
        return (int) (x ^ (x >>> 32));
    }

    private void allocate(int capacity) {
        table = new long[capacity * STRIDE];
        mask = capacity - 1;
        resizeAt = (int) (capacity * 0.7);
        size = 0;
    }

    private void reserve(int cells) {
        int capacity = mask + 1;
        while (cells >= (int) (capacity * 0.7)) {
            capacity *= 2;
        }
        if (capacity > mask + 1) {
            grow(capacity);
        }
    }

    private void grow() {
        grow((mask + 1) * 2);
    }

    private void grow(int capacity) {
        lastAt = -1;
        long[] old = table;
        allocate(capacity);
        for (int from = 0; from < old.length; from += STRIDE) {
            if (old[from + EVENTS] != 0) {
                int slot = hash(old[from + HIGH], old[from + LOW], (int) old[from + NAME], old[from + WINDOW]) & mask;
                while (table[slot * STRIDE + EVENTS] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, from, table, slot * STRIDE, STRIDE);
                size++;
            }
        }
    }
}
