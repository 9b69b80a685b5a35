package org.hotline.detect.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 *       is all the threshold needs): it grows with sources × windows, never with event count, and
 *       lives in one primitive table ({@link CellTable}) rather than objects per cell.
 *       Windows below the threshold are kept to the end, since a merge may still lift them.</li>
 * </ul>
 * Attacks are emitted sorted by source, target, signature and time, so output is deterministic.
 */
public final class WindowedTallies {
    /** Window number of events without a time: one bucket per key, never adjacent to another. */
    static final long UNTIMED = Long.MIN_VALUE;

    /** Emission order: source, target, signature, window. */
    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::source)
            .thenComparing(Cell::target)
            .thenComparing(Cell::signature)
            .thenComparingLong(Cell::window);

    private final long windowMillis;
    private final Threshold threshold;
    private final CellTable cells;

    public WindowedTallies(long windowMillis, Threshold threshold) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be >= 1 ms: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.threshold = threshold;
        this.cells = new CellTable(threshold.minDistinct());
    }

    /** Counts one event for (source, target, signature) in the event's window. */
    public void add(IpAddress source, String target, String signature, Event e) {
        cells.add(cell(source, target, signature, e), e);
    }

    /** Like {@link #add(IpAddress, String, String, Event)}, also counting {@code distinctValue}. */
    public void add(IpAddress source, String target, String signature, Event e, long distinctValue) {
        int at = cell(source, target, signature, e);
        cells.add(at, e);
        if (threshold.minDistinct() > 0) {
            cells.addDistinct(at, distinctValue);
        }
    }

    private int cell(IpAddress source, String target, String signature, Event e) {
        long window = e.hasTime() ? Math.floorDiv(e.time(), windowMillis) : UNTIMED;
        return cells.claim(source, target, signature, window);
    }

    /** Folds in another instance made with the same window and threshold. */
    public void mergeFrom(WindowedTallies other) {
        if (other.windowMillis != windowMillis || !other.threshold.equals(threshold)) {
            throw new IllegalArgumentException("cannot merge tallies of different windows or thresholds");
        }
        cells.mergeFrom(other.cells);
    }

    /** A qualifying cell with its key, for sorting. */
    private record Cell(IpAddress source, String target, String signature, long window, int at) {
        boolean sameKey(Cell o) {
            return source.equals(o.source) && target.equals(o.target) && signature.equals(o.signature);
        }
    }

    /**
     * Emits one attack per run of adjacent qualifying windows, per key, in key and time order.
     * Cells that cannot qualify are dropped before sorting: most (a source seen once in a minute)
     * fail alone and next to either neighbour, found by two hash lookups, so finishing costs one
     * pass over the cells plus a sort of the few that make attacks.
     */
    public void emit(AttackType type, AttackSink sink) {
        List<Cell> qualifying = new ArrayList<>();
        cells.forEachCell(at -> {
            if (qualifies(at)) {
                qualifying.add(new Cell(cells.source(at), cells.target(at), cells.signature(at), cells.window(at), at));
            }
        });
        qualifying.sort(ORDER);
        Tally run = null;
        for (int i = 0; i < qualifying.size(); i++) {
            Cell cell = qualifying.get(i);
            if (run == null) {
                run = new Tally();
            }
            cells.addTo(cell.at(), run);
            boolean continues = i + 1 < qualifying.size() && qualifying.get(i + 1).sameKey(cell)
                    && adjacent(cell, qualifying.get(i + 1));
            if (!continues) {
                sink.attack(toAttack(type, cell, run));
                run = null;
            }
        }
    }

    /** Meets the threshold alone, or together with the window before or after it. */
    private boolean qualifies(int at) {
        if (threshold.met(cells.events(at), cells.distinctCount(at))) {
            return true;
        }
        long window = cells.window(at);
        if (window == UNTIMED) {
            return false;
        }
        return metWith(at, window - 1) || metWith(at, window + 1);
    }

    private boolean metWith(int at, long neighbour) {
        if (neighbour == UNTIMED) {
            return false;
        }
        int n = cells.find(at, neighbour);
        return n >= 0 && threshold.met(cells.events(at) + cells.events(n), cells.distinctUnion(at, n));
    }

    private static boolean adjacent(Cell a, Cell b) {
        return a.window() != UNTIMED && b.window() == a.window() + 1;
    }

    private static Attack toAttack(AttackType type, Cell key, Tally run) {
        boolean timed = run.first != Long.MAX_VALUE;
        return new Attack(type, key.signature(), key.source(), key.target(),
                timed ? run.first : Event.NO_TIME, timed ? run.last : Event.NO_TIME,
                run.events, run.bytes, run.severity, run.verification, run.evidence.toList());
    }

    /** Cells, evidence positions and distinct values held; see {@link org.hotline.detect.StateSize}. */
    public long stateEntries() {
        return cells.entries();
    }
}
