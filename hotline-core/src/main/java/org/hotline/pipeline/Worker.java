package org.hotline.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.aggregate.Aggregator;
import org.hotline.detect.Detector;
import org.hotline.event.Event;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.source.LineBlockReader;
import org.hotline.source.RawLine;

/**
 * One pipeline thread: parses the blocks it takes and feeds its own detectors and aggregator. It is
 * the {@link ParseSink} of its parsers, so counting a line and passing its event on is one call.
 */
final class Worker implements Runnable, ParseSink {
    private final BlockingQueue<Pipeline.Work> queue;
    private final List<Detector> detectors;
    private final Detector[] detectorArray;
    private final Aggregator aggregator;
    private final OrderedCommitter committer;
    private final AtomicReference<Throwable> failure;
    private final Map<Integer, Parser> parsers = new HashMap<>();
    private final Map<Integer, InputAccounting> accounting = new HashMap<>();

    private InputAccounting current;
    private long currentLine;
    private int verdicts;
    private List<Event> collected;

    Worker(BlockingQueue<Pipeline.Work> queue, List<Detector> detectors, Aggregator aggregator,
           OrderedCommitter committer, AtomicReference<Throwable> failure) {
        this.queue = queue;
        this.detectors = List.copyOf(detectors);
        this.detectorArray = detectors.toArray(new Detector[0]);
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
                    return;
                }
                if (failure.get() == null) {
                    process(work);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            drain();
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

    private void process(Pipeline.Work work) {
        // The queue is FIFO and inputs are read one after another, so once a block of input k
        // arrives, no block of an earlier input will: their parsers (and caches) can go.
        parsers.keySet().removeIf(input -> input < work.input());
        Parser parser = parsers.computeIfAbsent(work.input(), i -> work.spec().create(work.context()));
        current = accounting.computeIfAbsent(work.input(), i -> new InputAccounting());
        collected = committer == null ? null : new ArrayList<>();
        work.block().forEachLine(line -> parseLine(parser, line));
        if (committer != null) {
            committer.commit(work.sequence(), collected);
            collected = null;
        }
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
        verdicts = 0;
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
    public void event(Event event) {
        verdicts++;
        current.event();
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
    public void malformed(String reason) {
        verdicts++;
        current.skipped(currentLine, reason);
    }

    void mergeFrom(Worker other) {
        other.accounting.forEach((input, counts) ->
                accounting.computeIfAbsent(input, i -> new InputAccounting()).mergeFrom(counts));
        for (int i = 0; i < detectors.size(); i++) {
            detectors.get(i).mergeFrom(other.detectors.get(i));
        }
        aggregator.mergeFrom(other.aggregator);
    }

    InputAccounting accounting(int input) {
        return accounting.getOrDefault(input, new InputAccounting());
    }

    List<Detector> detectors() {
        return detectors;
    }

    Aggregator aggregator() {
        return aggregator;
    }
}
