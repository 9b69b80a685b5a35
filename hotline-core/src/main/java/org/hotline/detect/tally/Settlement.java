package org.hotline.detect.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;

/**
 * Judges the windows of a {@link WindowedTallies} and turns runs of qualifying windows into
 * attacks, either all at the end, or window by window while the input is still being read.
 *
 * <p>While reading, each worker hands over its whole table when windows close (see
 * {@link WindowedTallies#closeInto}), and says up to which window it has handed everything over.
 * A window can be judged once every worker has handed over both it and the window after it
 * (a window qualifies with either neighbour, see {@link WindowedTallies}); then its cells are
 * dropped, except the last judged window's, which its successor needs as a neighbour. A run of
 * qualifying windows that reaches the last judged window stays open, since the next window may
 * continue it. So memory holds the windows still open, not the whole time span of the input.
 *
 * <p>Tables handed over wait as they are, and are folded together only when some window could
 * qualify. No cell of a table counts more than the table's {@link CellTable#maxEvents}, so a
 * window and its neighbour together count at most twice the sum of those maxima over the tables
 * whose windows reach them; when that is below the threshold for every window being judged,
 * nothing can qualify, and the judged windows are dropped without looking at a cell. Why:
 * folding every cell into one table, key by key, was a fifth of the workers' time on the
 * 10M-line bench log (one flood cell per source and minute, nearly all with a few requests),
 * while the floods that need it are rare. Thresholds on distinct values are always folded.
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
    /** Fold and judge only after this many cells arrived, or half the table: each judgement scans the table. */
    private static final int JUDGE_AFTER_CELLS = 1 << 14;
    /** Fold after this many tables wait, however few their cells: each is summed at every judgement. */
    private static final int MAX_WAITING = 64;

    private final AttackType type;
    private final Threshold threshold;
    private final CellTable cells;
    private final CellTable late;
    /** Per worker: every cell of a timed window below this has been handed over. */
    private final long[] handedOver;
    /** Timed windows below this have been judged. */
    private long judgedBelow = Long.MIN_VALUE + 1;
    /** Tables handed over and not yet folded into {@link #cells}, with their cells counted. */
    private final List<CellTable> waiting = new ArrayList<>();
    private long waitingCells;
    /** Judgements that dropped windows without folding a cell (for tests). */
    private int quietJudgements;
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
     * Takes a worker's table, which becomes this settlement's (null: the worker had no cells), and
     * when {@code limit} is {@link Long#MAX_VALUE} its late cells too: {@code worker} has handed
     * over all it has of the windows below {@code limit}, and will put later lines of those windows
     * in its late table. Cells of later windows may follow in the worker's next tables; they are
     * summed with these.
     */
    synchronized void receive(CellTable from, CellTable fromLate, long limit, int worker) {
        if (from != null && from.size() > 0) {
            // Its windows are all at or after the worker's previous limit, so none is judged yet
            // (see WindowedTallies#add): nothing of it belongs in the late table.
            waiting.add(from);
            waitingCells += from.size();
        }
        if (limit == Long.MAX_VALUE) {
            fromLate.moveBelow(limit, late);
        }
        handedOver[worker] = Math.max(handedOver[worker], limit);
        long complete = Long.MAX_VALUE;
        for (long h : handedOver) {
            complete = Math.min(complete, h);
        }
        if (complete == Long.MAX_VALUE || complete == Long.MIN_VALUE || complete - 1 <= judgedBelow) {
            return;
        }
        if (nothingCanQualify(judgedBelow, complete - 1)) {
            dropQuietly(complete - 1);
        } else if (waitingCells >= Math.max(JUDGE_AFTER_CELLS, cells.size() / 2) || waiting.size() >= MAX_WAITING) {
            foldWaiting();
            judgeBelow(complete - 1);
        }
    }

    /**
     * Whether no window from {@code from} to {@code below} (exclusive) can reach the threshold,
     * alone or with a neighbour, whatever the tables hold: for each such window, twice the sum of
     * the largest cell counts of the tables holding that window or a neighbour of it is below it.
     */
    private boolean nothingCanQualify(long from, long below) {
        if (threshold.minDistinct() > 0) {
            return false;
        }
        // Each table adds its largest count to the windows one past its own on either side; the
        // greatest sum over a window being judged is found by sweeping the spans' ends in order.
        List<long[]> ends = new ArrayList<>();
        addSpan(cells, from, below, ends);
        for (CellTable t : waiting) {
            addSpan(t, from, below, ends);
        }
        ends.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long sum = 0;
        long peak = 0;
        for (long[] end : ends) {
            sum += end[1];
            peak = Math.max(peak, sum);
        }
        return 2 * peak < threshold.minEvents();
    }

    /** The span of windows from..below-1 that {@code t}'s cells can count for: {window, +max} and {after, -max}. */
    private static void addSpan(CellTable t, long from, long below, List<long[]> ends) {
        if (t.size() == 0 || t.maxWindow() == Long.MIN_VALUE) {
            return;   // empty, or only untimed cells, which are judged at the end
        }
        long first = Math.max(from, t.minWindow() - 1);
        long last = Math.min(below - 1, t.maxWindow() + 1);
        if (first <= last) {
            // Removals sort before additions at the same window: a span ending before it does not count there.
            ends.add(new long[] {first, t.maxEvents()});
            ends.add(new long[] {last + 1, -t.maxEvents()});
        }
    }

    /**
     * Judges the windows from {@link #judgedBelow} to {@code below} when none of them can qualify:
     * every open run ends, and the tables that hold only windows no later judgement needs go.
     */
    private void dropQuietly(long below) {
        quietJudgements++;
        // An open run ends at the last judged window, before below - 1: the window after it fails.
        open.values().forEach(run -> emitted.add(new Emitted(run.first, run.attack(type))));
        open.clear();
        judgedBelow = below;
        cells.moveBelow(below - 1, null);
        waiting.removeIf(t -> {
            if (t.maxWindow() >= below - 1) {
                return false;
            }
            if (t.hasUntimed()) {
                t.drainInto(cells, Long.MAX_VALUE);   // untimed cells are judged at the end
            }
            waitingCells -= t.size();
            return true;
        });
    }

    /** Folds the waiting tables into {@link #cells}, dropping their windows judged while they waited. */
    private void foldWaiting() {
        // Windows below judgedBelow - 1 were judged (none could qualify, or they would have been
        // folded then); judgedBelow - 1 is still the neighbour of the next window to judge.
        for (CellTable t : waiting) {
            t.drainInto(cells, judgedBelow - 1);
        }
        waiting.clear();
        waitingCells = 0;
    }

    /** Judges what is left, all windows complete, and emits every attack in key and time order. */
    synchronized void finish(AttackSink sink) {
        foldWaiting();
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
        long n = cells.entries() + late.entries();
        for (CellTable t : waiting) {
            n += t.entries();
        }
        return n;
    }

    /** Judgements that dropped windows without folding a cell into the table, so far. */
    synchronized int quietJudgements() {
        return quietJudgements;
    }

    /**
     * Judges the timed windows from {@link #judgedBelow} to {@code below} (exclusive), whose
     * cells and successors' cells are all here; extends, opens and closes runs; drops the cells no
     * later judgement needs.
     */
    private void judgeBelow(long below) {
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
            cells.moveBelow(below - 1, null);
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

    private record Key(IpAddress source, String target, String signature) {
        // Written out rather than generated: a record's generated equals and hashCode are linked on
        // first call by spinning method-handle classes at run time (~20 per method), which the
        // class-data archive cannot hold, on every run.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.source, source) && Objects.equals(k.target, target)
                    && Objects.equals(k.signature, signature);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(source) * 31 + Objects.hashCode(target)) * 31 + Objects.hashCode(signature);
        }
    }

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
