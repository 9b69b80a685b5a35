package org.hotline.detect.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;

/**
 * Judges the windows of a {@link WindowedTallies} and turns runs of qualifying windows into
 * attacks, either all at the end, or window by window while the input is still being read.
 *
 * <p>While reading, each worker hands over the cells of the windows that have closed (see
 * {@link WindowedTallies#closeInto}), and says up to which window it has handed everything over.
 * A window can be judged once every worker has handed over both it and the window after it
 * (a window qualifies with either neighbour, see {@link WindowedTallies}); then its cells are
 * dropped, except the last judged window's, which its successor needs as a neighbour. A run of
 * qualifying windows that reaches the last judged window stays open, since the next window may
 * continue it. So memory holds the windows still open, not the whole time span of the input.
 *
 * <p>Lines of a window a worker has handed over already (they came later than the lateness the
 * pipeline allows) cannot join the cells they belong with, which may be judged and gone; the
 * worker keeps them apart and hands them over at the end, to be judged among themselves. That is
 * right when a whole stretch of input is late (rotated logs given newest first), and may split or
 * miss an attack at the seam. The pipeline counts late lines for the report.
 *
 * <p>Thread-safe: every method is synchronized, for the workers that hand over cells concurrently.
 */
final class Settlement {
    /** Emission order: source, target, signature, first window. */
    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::source)
            .thenComparing(Cell::target)
            .thenComparing(Cell::signature)
            .thenComparingLong(Cell::window);
    /** Judge only after this many cells arrived, or half the table: each judgement scans the table. */
    private static final int JUDGE_AFTER_CELLS = 1 << 14;

    private final AttackType type;
    private final Threshold threshold;
    private final CellTable cells;
    private final CellTable late;
    /** Per worker: every cell of a timed window below this has been handed over. */
    private final long[] handedOver;
    /** Timed windows below this have been judged. */
    private long judgedBelow = Long.MIN_VALUE + 1;
    private int receivedSinceJudgement;
    private final Map<Key, Run> open = new HashMap<>();
    private final List<Emitted> emitted = new ArrayList<>();

    /** Settles cells handed over by {@code workers} workers, see {@link #receive}. */
    Settlement(AttackType type, Threshold threshold, int workers) {
        this(type, threshold, new CellTable(threshold.minDistinct()), workers);
        Arrays.fill(handedOver, Long.MIN_VALUE);
    }

    /** Settles a complete table at once (see {@link #finish}); it becomes this settlement's. */
    Settlement(AttackType type, Threshold threshold, CellTable complete) {
        this(type, threshold, complete, 0);
    }

    private Settlement(AttackType type, Threshold threshold, CellTable cells, int workers) {
        this.type = type;
        this.threshold = threshold;
        this.cells = cells;
        this.late = new CellTable(threshold.minDistinct());
        this.handedOver = new long[workers];
    }

    /**
     * Takes the cells of windows below {@code limit} out of a worker's table (every cell when
     * {@code limit} is {@link Long#MAX_VALUE}, and then its late cells too): {@code worker} has
     * handed over all it has below it, and will put later lines of those windows in its late table.
     */
    synchronized void receive(CellTable from, CellTable fromLate, long limit, int worker) {
        int before = cells.size();
        // A cell of a window judged already cannot come from a worker's open table (see
        // WindowedTallies#add); the late table takes it anyway rather than trust that.
        from.moveBelow(limit, cells, judgedBelow, late);
        if (limit == Long.MAX_VALUE) {
            fromLate.moveBelow(limit, late, Long.MIN_VALUE, null);
        }
        receivedSinceJudgement += cells.size() - before;
        handedOver[worker] = Math.max(handedOver[worker], limit);
        long complete = Long.MAX_VALUE;
        for (long h : handedOver) {
            complete = Math.min(complete, h);
        }
        if (complete != Long.MAX_VALUE && complete != Long.MIN_VALUE
                && receivedSinceJudgement >= Math.max(JUDGE_AFTER_CELLS, cells.size() / 2)) {
            judgeBelow(complete - 1);
        }
    }

    /** Judges what is left, all windows complete, and emits every attack in key and time order. */
    synchronized void finish(AttackSink sink) {
        judgeBelow(Long.MAX_VALUE);
        cells.forEachCell(at -> {
            if (cells.window(at) == WindowedTallies.UNTIMED && threshold.met(cells.events(at), cells.distinctCount(at))) {
                Run alone = new Run(cell(at));
                cells.addTo(at, alone.tally);
                emitted.add(new Emitted(alone.first, alone.attack(type)));
            }
        });
        if (late.size() > 0) {
            Settlement apart = new Settlement(type, threshold, late);
            apart.judgeBelow(Long.MAX_VALUE);
            emitted.addAll(apart.emitted);
        }
        emitted.sort(Comparator.comparing(Emitted::first, ORDER));
        emitted.forEach(e -> sink.attack(e.attack()));
        emitted.clear();
    }

    /** Cells held, for {@link WindowedTallies#stateEntries()}. */
    synchronized long entries() {
        return cells.entries() + late.entries();
    }

    /**
     * Judges the timed windows from {@link #judgedBelow} to {@code below} (exclusive), whose
     * cells and successors' cells are all here; extends, opens and closes runs; drops the cells no
     * later judgement needs.
     */
    private void judgeBelow(long below) {
        receivedSinceJudgement = 0;
        if (below <= judgedBelow) {
            return;
        }
        long from = judgedBelow;
        List<Cell> qualifying = new ArrayList<>();
        cells.forEachCell(at -> {
            long window = cells.window(at);
            if (window != WindowedTallies.UNTIMED && window >= from && window < below && qualifies(at)) {
                qualifying.add(cell(at));
            }
        });
        qualifying.sort(ORDER);
        for (Cell c : qualifying) {
            Key key = new Key(c.source(), c.target(), c.signature());
            Run run = open.get(key);
            if (run != null && run.last + 1 != c.window()) {
                emitted.add(new Emitted(run.first, run.attack(type)));
                run = null;
            }
            if (run == null) {
                run = new Run(c);
                open.put(key, run);
            }
            cells.addTo(c.at(), run.tally);
            run.last = c.window();
        }
        // A run that did not reach the last judged window has ended: the window after it did not qualify.
        open.values().removeIf(run -> {
            if (run.last < below - 1 || below == Long.MAX_VALUE) {
                emitted.add(new Emitted(run.first, run.attack(type)));
                return true;
            }
            return false;
        });
        judgedBelow = below;
        if (below != Long.MAX_VALUE) {
            cells.moveBelow(below - 1, null, Long.MIN_VALUE, null);
        }
    }

    /** Meets the threshold alone, or together with the window before or after it. */
    private boolean qualifies(int at) {
        if (threshold.met(cells.events(at), cells.distinctCount(at))) {
            return true;
        }
        long window = cells.window(at);
        return metWith(at, window - 1) || metWith(at, window + 1);
    }

    private boolean metWith(int at, long neighbour) {
        if (neighbour == WindowedTallies.UNTIMED) {
            return false;
        }
        int n = cells.find(at, neighbour);
        return n >= 0 && threshold.met(cells.events(at) + cells.events(n), cells.distinctUnion(at, n));
    }

    private Cell cell(int at) {
        return new Cell(cells.source(at), cells.target(at), cells.signature(at), cells.window(at), at);
    }

    /** A cell with its key; {@code at} is valid until the table is next changed. */
    private record Cell(IpAddress source, String target, String signature, long window, int at) {}

    private record Key(IpAddress source, String target, String signature) {}

    /** An attack and its first cell, for sorting. */
    private record Emitted(Cell first, Attack attack) {}

    /** Adjacent qualifying windows of one key, summed. */
    private static final class Run {
        final Cell first;
        final Tally tally = new Tally();
        long last;

        Run(Cell first) {
            this.first = first;
            this.last = first.window();
        }

        Attack attack(AttackType type) {
            boolean timed = tally.first != Long.MAX_VALUE;
            return new Attack(type, first.signature(), first.source(), first.target(),
                    timed ? tally.first : Event.NO_TIME, timed ? tally.last : Event.NO_TIME,
                    tally.events, tally.bytes, tally.severity, tally.verification, tally.evidence.toList());
        }
    }
}
