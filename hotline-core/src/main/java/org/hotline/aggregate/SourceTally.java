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
 * <p>Why an open-addressing table of parallel arrays and not a {@code HashMap<IpAddress, …>}:
 * {@link #accept} runs once per event on the hot path (millions per second), and a hit must cost
 * one probe sequence over primitive arrays with no allocation; a map of boxed counters would
 * allocate per new key and chase pointers per hit. Keys are the two longs of {@link IpAddress}; a
 * slot is empty while its event count is 0 (every stored source has at least one event).
 *
 * <p>Memory: about 60 bytes per distinct source at most 70 % load (the table doubles beyond it),
 * so one million distinct sources cost about 85 MB. State never grows with events.
 *
 * <p>Not thread-safe: each pipeline worker owns one instance until {@link #mergeFrom} folds them
 * together, which (like everything here) does not depend on the order events arrived in.
 */
public final class SourceTally implements Aggregator {
    private static final int INITIAL_CAPACITY = 1 << 10;
    private static final Verification[] VERIFICATIONS = Verification.values();
    private static final byte WEAKEST = (byte) Verification.REFLECTED.ordinal();

    private long[] high;
    private long[] low;
    private long[] events;
    private long[] bytes;
    private long[] first;
    private long[] last;
    private byte[] verification;
    private int mask;
    private int size;
    private int resizeAt;

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
        int slot = slotOf(source.high(), source.low());
        add(slot, 1, b, event.time(), event.time(), (byte) event.verification().ordinal());
    }

    @Override
    public void mergeFrom(Aggregator other) {
        if (!(other instanceof SourceTally o)) {
            throw new IllegalArgumentException("cannot merge a " + other.getClass().getName() + " into a SourceTally");
        }
        withoutSource += o.withoutSource;
        eventsWithBytes += o.eventsWithBytes;
        for (int i = 0; i < o.events.length; i++) {
            if (o.events[i] != 0) {
                add(slotOf(o.high[i], o.low[i]), o.events[i], o.bytes[i], o.first[i], o.last[i], o.verification[i]);
            }
        }
    }

    private void add(int slot, long n, long b, long from, long to, byte v) {
        events[slot] += n;
        if (b >= 0) {
            bytes[slot] = bytes[slot] < 0 ? b : bytes[slot] + b;
        }
        if (from != Event.NO_TIME && (first[slot] == Event.NO_TIME || from < first[slot])) {
            first[slot] = from;
        }
        if (to != Event.NO_TIME && (last[slot] == Event.NO_TIME || to > last[slot])) {
            last[slot] = to;
        }
        if (v != verification[slot]) {
            verification[slot] = (byte) VERIFICATIONS[v].strongest(VERIFICATIONS[verification[slot]]).ordinal();
        }
    }

    /** The slot holding this key, claimed and initialised if the key is new. */
    private int slotOf(long h, long l) {
        int slot = hash(h, l) & mask;
        while (events[slot] != 0) {
            if (high[slot] == h && low[slot] == l) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (size == resizeAt) {
            grow();
            return slotOf(h, l);
        }
        size++;
        high[slot] = h;
        low[slot] = l;
        bytes[slot] = -1;
        first[slot] = Event.NO_TIME;
        last[slot] = Event.NO_TIME;
        verification[slot] = WEAKEST;
        return slot;
    }

    private static int hash(long h, long l) {
        long x = h * 0x9E37_79B9_7F4A_7C15L ^ l;
        x ^= x >>> 29;
        x *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (x ^ (x >>> 32));
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        events = new long[capacity];
        bytes = new long[capacity];
        first = new long[capacity];
        last = new long[capacity];
        verification = new byte[capacity];
        mask = capacity - 1;
        resizeAt = (int) (capacity * 0.7);
        size = 0;
    }

    private void grow() {
        long[] oh = high;
        long[] ol = low;
        long[] oe = events;
        long[] ob = bytes;
        long[] of = first;
        long[] ot = last;
        byte[] ov = verification;
        allocate(oe.length * 2);
        for (int i = 0; i < oe.length; i++) {
            if (oe[i] != 0) {
                int slot = slotOf(oh[i], ol[i]);
                events[slot] = oe[i];
                bytes[slot] = ob[i];
                first[slot] = of[i];
                last[slot] = ot[i];
                verification[slot] = ov[i];
            }
        }
    }

    /** Distinct source addresses seen. */
    public int distinctSources() {
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

    /** Calls {@code visitor} once per distinct source, in no particular order. */
    public void forEachSource(Consumer<SourceTotals> visitor) {
        for (int i = 0; i < events.length; i++) {
            if (events[i] != 0) {
                visitor.accept(new SourceTotals(new IpAddress(high[i], low[i]), events[i], bytes[i],
                        first[i], last[i], VERIFICATIONS[verification[i]]));
            }
        }
    }
}
