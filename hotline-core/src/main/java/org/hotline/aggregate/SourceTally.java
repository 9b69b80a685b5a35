package org.hotline.aggregate;

import java.util.function.Consumer;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * The {@link Aggregator}: every parsed event tallied per distinct source address — events, bytes
 * where known, first and last time, and the strongest {@link Verification} seen — plus the events
 * that carry no source. The report's {@code events} section (all traffic by country) is built from it.
 *
 * <p>Why an open-addressing table in one {@code long[]} and not a {@code HashMap<IpAddress, …>}:
 * {@link #accept} runs once per event on the hot path (millions per second), and a hit must cost
 * one probe sequence with no allocation; a map of boxed counters would allocate per new key and
 * chase pointers per hit. Each slot's fields sit side by side ({@link #STRIDE} longs: the key's
 * two longs, events, bytes, first, last, verification), so a hit touches one or two cache lines
 * instead of one per field (with parallel arrays, 2,000 sources: about 15 M events/s on one core
 * here; with this layout about 28 M/s; a rough measurement, not a benchmark). A slot is empty
 * while its event count is 0 (every stored source has at least one).
 *
 * <p>Memory: 56 bytes per slot at most 70 % load (the table doubles beyond it), so one million
 * distinct sources cost about 80–160 MB, plus a fixed 229 KB front table. State never grows with
 * events.
 *
 * <p>Not thread-safe: each pipeline worker owns one instance until {@link #mergeFrom} folds them
 * together, which (like everything here) does not depend on the order events arrived in.
 */
public final class SourceTally implements Aggregator {
    private static final int INITIAL_CAPACITY = 1 << 10;
    private static final Verification[] VERIFICATIONS = Verification.values();
    private static final long WEAKEST = Verification.REFLECTED.ordinal();

    static final int STRIDE = 7;
    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int EVENTS = 2;
    private static final int BYTES = 3;
    private static final int FIRST = 4;
    private static final int LAST = 5;
    private static final int VERIFICATION = 6;

    private long[] table;
    private int mask;
    private int size;
    private int resizeAt;

    /**
     * A small table in front of {@link #table}, same layout, that {@link #accept} counts into and
     * that is folded into the big one when half full and before anything reads it. Why: a source
     * comes back within a few thousand lines (its page, then its assets, between other clients'
     * requests), and in the big table (a million slots for 10M bench lines, 56 MB) each return was
     * a cache miss; here it is a hit, and the big table sees each source once per fold.
     */
    private final long[] front = new long[FRONT_SLOTS * STRIDE];
    private int frontSize;
    static final int FRONT_SLOTS = 1 << 12;

    /** The slot of {@link #front} {@link #accept} used last; -1 after a fold. */
    private int lastAt = -1;
    private long lastHigh;
    private long lastLow;

    private long withoutSource;
    private long eventsWithBytes;

    public SourceTally() {
        allocate(INITIAL_CAPACITY);
    }

    @Override
    public void accept(Event event) {
        long b = event.bytes();
        if (b >= 0) {
            eventsWithBytes++;
        }
        IpAddress source = event.source();
        if (source == null) {
            withoutSource++;
            return;
        }
        // Sources come in runs (a client's page and its assets), so the slot is often the last one:
        // two comparisons instead of a probe into a table too big for the CPU caches.
        long h = source.high();
        long l = source.low();
        int at;
        if (lastAt >= 0 && l == lastLow && h == lastHigh) {
            at = lastAt;
        } else {
            at = frontSlotOf(h, l);
            lastAt = at;
            lastHigh = h;
            lastLow = l;
        }
        add(front, at, 1, b, event.time(), event.time(), event.verification().ordinal());
    }

    /** The slot of {@link #front} for this key, claimed if new (after a fold when half full). */
    private int frontSlotOf(long h, long l) {
        int at = probe(front, FRONT_SLOTS - 1, h, l);
        if (front[at + EVENTS] != 0) {
            return at;
        }
        if (frontSize == FRONT_SLOTS / 2) {
            fold();
            return frontSlotOf(h, l);
        }
        frontSize++;
        return claim(front, at, h, l);
    }

    /** Folds {@link #front} into {@link #table} and empties it. */
    private void fold() {
        long[] f = front;
        for (int at = 0; at < f.length && frontSize > 0; at += STRIDE) {
            if (f[at + EVENTS] != 0) {
                int to = slotOf(f[at + HIGH], f[at + LOW]);   // first: it may grow the table
                add(table, to, f[at + EVENTS], f[at + BYTES], f[at + FIRST], f[at + LAST], (int) f[at + VERIFICATION]);
                f[at + EVENTS] = 0;
                frontSize--;
            }
        }
        lastAt = -1;
    }

    @Override
    public void mergeFrom(Aggregator other) {
        if (!(other instanceof SourceTally o)) {
            throw new IllegalArgumentException("cannot merge a " + other.getClass().getName() + " into a SourceTally");
        }
        fold();
        o.fold();
        withoutSource += o.withoutSource;
        eventsWithBytes += o.eventsWithBytes;
        // Room for both first: inserting the other table's slots in order into a smaller table of
        // the same hash piles them into long probe runs.
        int capacity = mask + 1;
        while (size + o.size >= (int) (capacity * 0.7)) {
            capacity *= 2;
        }
        if (capacity > mask + 1) {
            grow(capacity);
        }
        long[] t = o.table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                int to = slotOf(t[at + HIGH], t[at + LOW]);
                add(table, to, t[at + EVENTS], t[at + BYTES], t[at + FIRST], t[at + LAST], (int) t[at + VERIFICATION]);
            }
        }
    }

    private static void add(long[] t, int at, long n, long b, long from, long to, int v) {
        t[at + EVENTS] += n;
        if (b >= 0) {
            t[at + BYTES] = t[at + BYTES] < 0 ? b : t[at + BYTES] + b;
        }
        if (from != Event.NO_TIME && (t[at + FIRST] == Event.NO_TIME || from < t[at + FIRST])) {
            t[at + FIRST] = from;
        }
        if (to != Event.NO_TIME && (t[at + LAST] == Event.NO_TIME || to > t[at + LAST])) {
            t[at + LAST] = to;
        }
        if (v != t[at + VERIFICATION]) {
            t[at + VERIFICATION] = VERIFICATIONS[v].strongest(VERIFICATIONS[(int) t[at + VERIFICATION]]).ordinal();
        }
    }

    /** The index of the slot holding this key, claimed and initialised if the key is new. */
    private int slotOf(long h, long l) {
        int at = probe(table, mask, h, l);
        if (table[at + EVENTS] != 0) {
            return at;
        }
        if (size == resizeAt) {
            grow();
            return slotOf(h, l);
        }
        size++;
        return claim(table, at, h, l);
    }

    /**
     * Where this key is in {@code t} (open addressing, {@code mask} its slots minus one), or the
     * empty slot where it would go: the event count tells which (every stored key has one).
     */
    private static int probe(long[] t, int mask, long h, long l) {
        int slot = hash(h, l) & mask;
        while (t[slot * STRIDE + EVENTS] != 0) {
            int at = slot * STRIDE;
            if (t[at + HIGH] == h && t[at + LOW] == l) {
                return at;
            }
            slot = (slot + 1) & mask;
        }
        return slot * STRIDE;
    }

    /** Initialises the empty slot at {@code at} for this key; its event count stays 0 until counted. */
    private static int claim(long[] t, int at, long h, long l) {
        t[at + HIGH] = h;
        t[at + LOW] = l;
        t[at + BYTES] = -1;
        t[at + FIRST] = Event.NO_TIME;
        t[at + LAST] = Event.NO_TIME;
        t[at + VERIFICATION] = WEAKEST;
        return at;
    }

    private static int hash(long h, long l) {
        long x = h * 0x9E37_79B9_7F4A_7C15L ^ l;
        x ^= x >>> 29;
        x *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (x ^ (x >>> 32));
    }

    private void allocate(int capacity) {
        table = new long[capacity * STRIDE];
        mask = capacity - 1;
        resizeAt = (int) (capacity * 0.7);
        size = 0;
    }

    private void grow() {
        grow((mask + 1) * 2);
    }

    private void grow(int capacity) {
        long[] old = table;
        allocate(capacity);
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + EVENTS] != 0) {
                int to = slotOf(old[at + HIGH], old[at + LOW]);
                System.arraycopy(old, at + EVENTS, table, to + EVENTS, STRIDE - EVENTS);
            }
        }
    }

    /**
     * Folds in one source's totals as another tally's {@link #forEachSource} gave them: the same as
     * {@link #mergeFrom} for that source. For tallies that can meet only as values: the Flink job
     * counts each source on the machine its events were sent to, and the parts cross the network
     * as {@link SourceTotals} to be added up in one tally for the report.
     */
    public void add(SourceTotals totals) {
        IpAddress source = totals.source();
        int at = slotOf(source.high(), source.low());
        add(table, at, totals.events(), totals.bytes(), totals.firstSeen(), totals.lastSeen(),
                totals.verification().ordinal());
    }

    /**
     * Folds in another tally's {@link #eventsWithoutSource} and {@link #eventsWithBytes}: with
     * {@link #add(SourceTotals)} for each of its sources, the same as {@link #mergeFrom}.
     */
    public void addCounts(long eventsWithoutSource, long eventsWithBytes) {
        withoutSource += eventsWithoutSource;
        this.eventsWithBytes += eventsWithBytes;
    }

    /** Distinct source addresses seen. */
    public int distinctSources() {
        fold();
        return size;
    }

    /** Parsed events that had no source address (they count in totals, not in any country). */
    public long eventsWithoutSource() {
        return withoutSource;
    }

    /** Parsed events, with or without a source, whose byte count the log gave. */
    public long eventsWithBytes() {
        return eventsWithBytes;
    }

    /** Parsed events with this source address; 0 if none had it. */
    public long eventsOf(IpAddress source) {
        fold();
        return table[probe(table, mask, source.high(), source.low()) + EVENTS];
    }

    /** The distinct sources, in no particular order (without their totals: for looking them up). */
    public IpAddress[] addresses() {
        fold();
        IpAddress[] out = new IpAddress[size];
        int n = 0;
        long[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                out[n++] = new IpAddress(t[at + HIGH], t[at + LOW]);
            }
        }
        return out;
    }

    /**
     * One source's totals as {@link #forEachTotals} hands them over: first and last are
     * {@link Event#NO_TIME} when unknown, bytes -1.
     */
    @FunctionalInterface
    interface TotalsVisitor {
        void visit(long events, long bytes, long first, long last, Verification verification);
    }

    /**
     * Like {@link #forEachSource}, in the same order, but without the address and without an object
     * per source: for the passes that need only the counts (the report's events section), where
     * 377,000 sources (10M-line bench log) were 30 MB of objects made after the analysis, in the
     * young generation the report's one collection then had to sweep.
     */
    void forEachTotals(TotalsVisitor visitor) {
        fold();
        long[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                visitor.visit(t[at + EVENTS], t[at + BYTES], t[at + FIRST], t[at + LAST], VERIFICATIONS[(int) t[at + VERIFICATION]]);
            }
        }
    }

    /** Calls {@code visitor} once per distinct source, in no particular order. */
    public void forEachSource(Consumer<SourceTotals> visitor) {
        fold();
        long[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + EVENTS] != 0) {
                visitor.accept(new SourceTotals(new IpAddress(t[at + HIGH], t[at + LOW]), t[at + EVENTS], t[at + BYTES],
                        t[at + FIRST], t[at + LAST], VERIFICATIONS[(int) t[at + VERIFICATION]]));
            }
        }
    }
}
