package org.hotline.detect.tally;

import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.detect.WindowClosing;
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
 *       {@link org.hotline.detect.Attack#MAX_EVIDENCE}, distinct values by the threshold's
 *       {@code minDistinct}, which is all the threshold needs): it grows with sources × windows,
 *       never with event count, and
 *       lives in one primitive table ({@link CellTable}) rather than objects per cell.</li>
 *   <li>Windows are judged ({@link Settlement}) once closed, so state covers the windows still
 *       open: in a pipeline, each worker hands over its closed windows ({@link #closeInto}) to
 *       one shared instance, which judges a window when every worker has handed it over. Without
 *       closing (a plain {@link #mergeFrom} and {@link #emit}), every window is judged at the end,
 *       with the same result for input in time order.</li>
 * </ul>
 * Attacks are emitted sorted by source, target, signature and time, so output is deterministic.
 */
public final class WindowedTallies {
    /** Window number of events without a time: one bucket per key, never adjacent to another. */
    static final long UNTIMED = Long.MIN_VALUE;
    private final AttackType type;
    private final long windowMillis;
    private final Threshold threshold;
    /** This worker's cells since its last hand-over: each closing hands the whole table over. */
    private CellTable cells;
    /**
     * Cells of events whose window this worker had handed over already (they came later than the
     * lateness allowed): kept apart, so that no window is judged while its lines still arrive,
     * and handed over at the end, to be judged among themselves.
     */
    private final CellTable late;
    /** Windows below this have been handed over; an event in one of them is late. */
    private long handedOverBelow = Long.MIN_VALUE;
    /** The shared instance {@link #closeInto} last found to have the same rule as this one. */
    private WindowedTallies checkedShared;
    /** On the shared instance of a pipeline: judges the windows the workers hand over. */
    private Settlement settlement;

    public WindowedTallies(AttackType type, long windowMillis, Threshold threshold) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be >= 1 ms: " + windowMillis);
        }
        this.type = type;
        this.windowMillis = windowMillis;
        this.threshold = threshold;
        this.cells = new CellTable(threshold.minDistinct());
        this.late = new CellTable(threshold.minDistinct());
    }

    /** Counts one event for (source, target, signature) in the event's window. */
    public void add(IpAddress source, String target, String signature, Event e) {
        long window = window(e);
        CellTable table = window >= handedOverBelow || window == UNTIMED ? cells : late;
        table.add(table.claim(source, target, signature, window), e);
    }

    /** Like {@link #add(IpAddress, String, String, Event)}, also counting {@code distinctValue}. */
    public void add(IpAddress source, String target, String signature, Event e, long distinctValue) {
        long window = window(e);
        CellTable table = window >= handedOverBelow || window == UNTIMED ? cells : late;
        int at = table.claim(source, target, signature, window);
        table.add(at, e);
        if (threshold.minDistinct() > 0) {
            table.addDistinct(at, distinctValue);
        }
    }

    private long window(Event e) {
        return e.hasTime() ? Math.floorDiv(e.time(), windowMillis) : UNTIMED;
    }

    /** Folds in another instance made with the same type, window and threshold, that closed no window. */
    public void mergeFrom(WindowedTallies other) {
        requireSameRule(other);
        if (other.handedOverBelow != Long.MIN_VALUE || handedOverBelow != Long.MIN_VALUE) {
            throw new IllegalStateException("tallies that handed windows over are finished by closeInto, not merged");
        }
        cells.mergeFrom(other.cells);
    }

    private void requireSameRule(WindowedTallies other) {
        if (other.windowMillis != windowMillis || !other.threshold.equals(threshold) || other.type != type) {
            throw new IllegalArgumentException("cannot merge tallies of different windows, thresholds or types");
        }
    }

    /**
     * Hands this worker's cells over to {@code shared}, the run's instance that judges them, and
     * says that they include all of the windows {@code closing} closes (those that end at or before
     * its time): the whole table goes, by reference, and later lines fill a new one. Splitting
     * the table at the closed windows moved every cell one by one, on every closing, which cost
     * more than counting them. Called by the worker owning this instance.
     */
    public void closeInto(WindowedTallies shared, WindowClosing closing) {
        if (shared != checkedShared) {   // once per pair: the record's equals ran on every block, mostly interpreted
            requireSameRule(shared);
            checkedShared = shared;
        }
        long limit = closing.isLast() ? Long.MAX_VALUE : Math.floorDiv(closing.before(), windowMillis);
        CellTable handed = null;
        if (cells.size() > 0) {
            handed = cells;
            cells = handed.emptyLike();
        }
        shared.settlement(closing.workers()).receive(handed, late, limit, closing.worker());
        handedOverBelow = Math.max(handedOverBelow, limit);
    }

    private synchronized Settlement settlement(int workers) {
        if (settlement == null) {
            settlement = new Settlement(type, threshold, workers);
        }
        return settlement;
    }

    /**
     * Emits one attack per run of adjacent qualifying windows, per key, in key and time order:
     * on a shared instance, those of the windows every worker handed over; otherwise those of
     * this instance's own cells.
     */
    public void emit(AttackSink sink) {
        Settlement s;
        synchronized (this) {
            s = settlement;
        }
        if (s == null) {
            new Settlement(type, threshold, cells).finish(sink);
        } else {
            s.finish(sink);
        }
    }

    /** On a shared instance, the judgements that dropped windows without folding a cell (for tests). */
    int quietJudgements() {
        Settlement s;
        synchronized (this) {
            s = settlement;
        }
        return s == null ? 0 : s.quietJudgements();
    }

    /** Cells, evidence positions and distinct values held; see {@link org.hotline.detect.StateSize}. */
    public long stateEntries() {
        Settlement s;
        synchronized (this) {
            s = settlement;
        }
        return cells.entries() + late.entries() + (s == null ? 0 : s.entries());
    }
}
