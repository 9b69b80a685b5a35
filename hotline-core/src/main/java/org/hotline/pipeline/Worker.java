package org.hotline.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.aggregate.Aggregator;
import org.hotline.detect.Detector;
import org.hotline.detect.WindowClosing;
import org.hotline.event.Event;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.source.LineBlockReader;
import org.hotline.source.RawLine;

/**
 * One pipeline thread: parses the blocks it takes and feeds its own detectors and aggregator. It is
 * the {@link ParseSink} of its parsers, so counting a line and passing its event on is one call.
 * After each block it tells the {@link Horizon} how far in time the block went, and hands the
 * detector windows the horizon has closed over to the run's shared detectors; at the end, all.
 */
final class Worker implements Runnable, ParseSink {
    private final BlockingQueue<Pipeline.Work> queue;
    private final Detector[] detectorArray;
    private final List<Detector> shared;
    private final Horizon horizon;
    private final int number;
    private final int workers;
    private final Aggregator aggregator;
    private final OrderedCommitter<?> committer;
    private final AtomicReference<Throwable> failure;
    private final Map<Integer, Parser> parsers = new HashMap<>();
    private final Map<Integer, InputAccounting> accounting = new HashMap<>();

    private InputAccounting current;
    private long currentLine;
    private int verdicts;
    /** The line being parsed said its year came from the input's rule ({@link #yearInferred()}). */
    private boolean yearInferred;
    private List<Event> collected;
    /** Latest event time of the block being parsed. */
    private long blockLatest;
    /** The horizon this worker last closed windows at; events older than it are late. */
    private long closedBefore = Long.MIN_VALUE;
    private long lateEvents;
    /** Number of the first block of the input this worker last started on. */
    private long inputStart = -1;
    /**
     * Windows are closed after this many lines at least: a hand-over scans the detectors' tables,
     * and inputs merged by time come in pieces of a few lines (two sparse logs of the same days),
     * where closing after every piece cost a third of the workers' time. A whole block holds more.
     */
    static final int CLOSE_AFTER_LINES = 2048;
    private long linesSinceClosing;
    /** Took its poison pill: no more work will come, so a failure now must not wait for any. */
    private boolean poisoned;

    /**
     * @param detectors this worker's own detectors
     * @param shared    the run's shared detectors, in the same order, that gather closed windows
     * @param number    this worker's number, 0 to {@code workers - 1}
     */
    Worker(BlockingQueue<Pipeline.Work> queue, List<Detector> detectors, List<Detector> shared, Horizon horizon,
           int number, int workers, Aggregator aggregator, OrderedCommitter<?> committer, AtomicReference<Throwable> failure) {
        this.queue = queue;
        this.detectorArray = detectors.toArray(new Detector[0]);
        this.shared = List.copyOf(shared);
        this.horizon = horizon;
        this.number = number;
        this.workers = workers;
        this.aggregator = aggregator;
        this.committer = committer;
        this.failure = failure;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Pipeline.Work work = queue.take();
                if (work == Pipeline.Work.POISON) {
                    poisoned = true;
                    if (failure.get() == null) {
                        closeWindows(WindowClosing.last(number, workers));
                    }
                    return;
                }
                if (failure.get() == null && work.firstSequence() > inputStart) {
                    startInput(work.firstSequence());
                }
                if (failure.get() == null) {
                    process(work);
                    horizon.finished(work.sequence(), blockLatest);
                    linesSinceClosing += work.lines();
                    long closing = horizon.closedBefore();
                    if (closing > closedBefore && linesSinceClosing >= CLOSE_AFTER_LINES) {
                        linesSinceClosing = 0;
                        closedBefore = closing;
                        closeWindows(new WindowClosing(closing, number, workers, false));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            if (!poisoned) {
                drain();
            }
        }
    }

    /** After a failure, keep taking work so the reader is never blocked, until the poison pill. */
    private void drain() {
        try {
            while (queue.take() != Pipeline.Work.POISON) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first block of a new input for this worker: wait for the earlier inputs, hand over at their horizon. */
    private void startInput(long firstSequence) throws InterruptedException {
        inputStart = firstSequence;
        if (!horizon.awaitFinishedBelow(firstSequence, () -> failure.get() != null)) {
            return;
        }
        long closing = horizon.closedBefore();
        if (closing != Long.MIN_VALUE) {
            closedBefore = Math.max(closedBefore, closing);
            closeWindows(new WindowClosing(closing, number, workers, true));
        }
    }

    private void closeWindows(WindowClosing closing) {
        for (int i = 0; i < detectorArray.length; i++) {
            detectorArray[i].closeWindows(closing, shared.get(i));
        }
    }

    private void process(Pipeline.Work work) {
        // The queue is FIFO, so once a block says which inputs were read to the end, no block of
        // theirs will come: their parsers (and caches) can go.
        parsers.keySet().removeIf(input -> input < work.oldestOpenInput());
        collected = committer == null ? null : new ArrayList<>();
        blockLatest = Long.MIN_VALUE;
        for (Pipeline.Work w = work; w != null; w = w.then()) {
            parse(w);
        }
        if (committer != null) {
            committer.commit(work.sequence(), collected);
            collected = null;
        }
        // Parsed, and the events hold copies: no one reads these buffers any more.
        for (Pipeline.Work w = work; w != null; w = w.then()) {
            if (w.returnTo() != null) {
                w.returnTo().give(w.block());
            }
        }
    }

    private void parse(Pipeline.Work work) {
        // No format yet for the input's first blocks when they hold only blank or over-long lines.
        Parser parser = work.spec() == null ? null : parsers.computeIfAbsent(work.input(), i -> work.spec().create(work.context()));
        current = accounting.computeIfAbsent(work.input(), i -> new InputAccounting());
        work.block().forEachLine(line -> parseLine(parser, line));
    }

    private void parseLine(Parser parser, RawLine line) {
        currentLine = line.number();
        if (line.truncated()) {
            current.skipped(currentLine, "line longer than " + LineBlockReader.MAX_LINE_BYTES + " bytes; cut and skipped");
            return;
        }
        if (line.isBlank()) {
            current.ignored();
            return;
        }
        if (parser == null) {
            malformed("no format to read it with (a bug: please report)");   // only blank and cut lines come without one
            return;
        }
        verdicts = 0;
        yearInferred = false;
        try {
            parser.parse(line, this);
        } catch (RuntimeException e) {
            // A parser must not throw; if one does, the line is still accounted for, with the bug named.
            if (verdicts == 0) {
                malformed("internal error in the " + parser.format() + " parser: " + e);
            }
            return;
        }
        if (verdicts == 0) {
            malformed("the " + parser.format() + " parser gave no verdict (a bug: please report)");
        }
    }

    @Override
    public void yearInferred() {
        yearInferred = true;
    }

    @Override
    public void event(Event event) {
        verdicts++;
        current.event(yearInferred);
        pass(event);
    }

    @Override
    public void repeated(Event event, int count) {
        verdicts++;
        current.event(yearInferred);   // one line parsed; the tallies and detectors see every attempt it stands for
        for (int i = 0; i < count; i++) {
            pass(event);
        }
    }

    /** Hands one event to the aggregator, the detectors and --events-out. */
    private void pass(Event event) {
        if (event.hasTime()) {
            long t = event.time();
            if (t > blockLatest) {
                blockLatest = t;
            }
            if (t < closedBefore) {
                lateEvents++;
            }
        }
        aggregator.accept(event);
        for (Detector d : detectorArray) {
            d.accept(event);
        }
        if (collected != null) {
            collected.add(event);
        }
    }

    @Override
    public void ignored() {
        verdicts++;
        current.ignored();
    }

    @Override
    public void leftAside(String otherFormat) {
        verdicts++;
        current.leftAside(otherFormat);
    }

    @Override
    public void malformed(String reason) {
        verdicts++;
        current.skipped(currentLine, reason);
    }

    /** Folds in another worker's accounting, late count and aggregator (its detectors handed theirs over). */
    void mergeFrom(Worker other) {
        other.accounting.forEach((input, counts) ->
                accounting.computeIfAbsent(input, i -> new InputAccounting()).mergeFrom(counts));
        lateEvents += other.lateEvents;
        aggregator.mergeFrom(other.aggregator);
    }

    /** Events older than the horizon at which this worker had already closed windows. */
    long lateEvents() {
        return lateEvents;
    }

    InputAccounting accounting(int input) {
        return accounting.getOrDefault(input, new InputAccounting());
    }

    Aggregator aggregator() {
        return aggregator;
    }
}
