package org.hotline.detect.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;

/**
 * The order-independent, mergeable accumulator most detectors share: one {@link Tally} per key
 * (source, target, signature) and fixed time window, turned into attacks by a {@link Threshold}.
 *
 * <p>Semantics, and their limits:
 * <ul>
 *   <li>Windows are tumbling and aligned to the epoch: window {@code floor(time / length)}. Events
 *       without a time share one "untimed" window per key, which is never adjacent to another.</li>
 *   <li>A window <em>qualifies</em> when its tally meets the threshold, or when it and an adjacent
 *       window together do (events summed, distinct values united). Any burst that fits in one
 *       window length straddles at most two aligned windows, so it is always caught, like a
 *       sliding window (fail2ban's findtime); the price is that a burst spread over up to two
 *       window lengths may be caught too. A slower burst, split over three windows, is missed.</li>
 *   <li>Each run of adjacent qualifying windows of one key is one attack; its count, bytes, first
 *       and last time, evidence and strongest verification and severity cover the whole run.</li>
 *   <li>State is one tally per key and window that saw an event, each bounded (evidence by
 *       {@link Attack#MAX_EVIDENCE}, distinct values by the threshold's {@code minDistinct}, which
 *       is all the threshold needs): it grows with sources × windows, never with event count.
 *       Windows below the threshold are kept to the end, since a merge may still lift them.</li>
 * </ul>
 * Attacks are emitted sorted by source, target, signature and time, so output is deterministic.
 */
public final class WindowedTallies {
    private final long windowMillis;
    private final Threshold threshold;
    private final Map<CellKey, Tally> cells = new HashMap<>();
    private final CellKey probe = new CellKey();

    public WindowedTallies(long windowMillis, Threshold threshold) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be >= 1 ms: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.threshold = threshold;
    }

    /** Counts one event for (source, target, signature) in the event's window. */
    public void add(IpAddress source, String target, String signature, Event e) {
        tally(source, target, signature, e).add(e);
    }

    /** Like {@link #add(IpAddress, String, String, Event)}, also counting {@code distinctValue}. */
    public void add(IpAddress source, String target, String signature, Event e, long distinctValue) {
        Tally t = tally(source, target, signature, e);
        t.add(e);
        if (t.distinct != null) {
            t.distinct.add(distinctValue);
        }
    }

    private Tally tally(IpAddress source, String target, String signature, Event e) {
        long window = e.hasTime() ? Math.floorDiv(e.time(), windowMillis) : CellKey.UNTIMED;
        Tally t = cells.get(probe.set(source, target, signature, window));
        if (t == null) {
            t = new Tally(threshold.minDistinct());
            cells.put(probe.copy(), t);
        }
        return t;
    }

    /** Folds in another instance made with the same window and threshold. */
    public void mergeFrom(WindowedTallies other) {
        if (other.windowMillis != windowMillis || !other.threshold.equals(threshold)) {
            throw new IllegalArgumentException("cannot merge tallies of different windows or thresholds");
        }
        other.cells.forEach((key, theirs) -> {
            Tally mine = cells.get(key);
            if (mine == null) {
                mine = new Tally(threshold.minDistinct());
                cells.put(key, mine);
            }
            mine.mergeFrom(theirs);
        });
    }

    /**
     * Emits one attack per run of adjacent qualifying windows, per key, in key and time order.
     * Cells that cannot qualify are dropped before sorting: most (a source seen once in a minute)
     * fail alone and next to either neighbour, found by two hash lookups, so finishing costs one
     * pass over the cells plus a sort of the few that make attacks.
     */
    public void emit(AttackType type, AttackSink sink) {
        List<CellKey> qualifying = new ArrayList<>();
        cells.forEach((key, tally) -> {
            if (qualifies(key, tally)) {
                qualifying.add(key);
            }
        });
        qualifying.sort(CellKey.ORDER);
        Tally run = null;
        for (int i = 0; i < qualifying.size(); i++) {
            CellKey key = qualifying.get(i);
            if (run == null) {
                run = new Tally(0);
            }
            run.mergeFrom(cells.get(key));
            boolean continues = i + 1 < qualifying.size() && qualifying.get(i + 1).sameKey(key)
                    && adjacent(key, qualifying.get(i + 1));
            if (!continues) {
                sink.attack(toAttack(type, key, run));
                run = null;
            }
        }
    }

    /** Meets the threshold alone, or together with the window before or after it. */
    private boolean qualifies(CellKey key, Tally t) {
        if (threshold.met(t.events, t.distinctCount())) {
            return true;
        }
        if (key.window == CellKey.UNTIMED) {
            return false;
        }
        return metWith(key, t, key.window - 1) || metWith(key, t, key.window + 1);
    }

    private boolean metWith(CellKey key, Tally t, long neighbour) {
        if (neighbour == CellKey.UNTIMED) {
            return false;
        }
        Tally n = cells.get(probe.set(key.source, key.target, key.signature, neighbour));
        return n != null && threshold.met(t.events + n.events, t.distinctUnion(n));
    }

    private static boolean adjacent(CellKey a, CellKey b) {
        return a.window != CellKey.UNTIMED && b.window == a.window + 1;
    }

    private static Attack toAttack(AttackType type, CellKey key, Tally run) {
        boolean timed = run.first != Long.MAX_VALUE;
        return new Attack(type, key.signature, key.source, key.target,
                timed ? run.first : Event.NO_TIME, timed ? run.last : Event.NO_TIME,
                run.events, run.bytes, run.severity, run.verification, run.evidence.toList());
    }

    /** Cells, evidence positions and distinct values held; see {@link org.hotline.detect.StateSize}. */
    public long stateEntries() {
        long n = 0;
        for (Tally t : cells.values()) {
            n += t.entries();
        }
        return n;
    }
}
