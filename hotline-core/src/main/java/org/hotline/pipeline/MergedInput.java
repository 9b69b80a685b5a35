package org.hotline.pipeline;

import java.io.IOException;
import java.util.function.IntPredicate;
import org.hotline.event.Event;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.ParserSpec;
import org.hotline.source.LineBlock;
import org.hotline.source.RawLine;
import org.hotline.source.Source;

/**
 * One of several inputs that overlap in time, read merged with the others (see {@link Pipeline}):
 * it hands out its lines in pieces that end where another input's lines are due.
 *
 * <p>Why pieces and not whole blocks: blocks are a fixed size in bytes, not in time. A block of a
 * sparse input (a firewall log) can span days while one of a dense input (a web log) spans
 * minutes; handed out whole, the sparse block would move the {@link Horizon} days ahead and make
 * the dense input's next lines late. So a block is cut after its last line that is no later than
 * the bound the reader gives: the earliest pending line of the other inputs, plus half the lateness.
 * Every piece then ends before any line still to come from another input, give or take that half,
 * and no line is late that was written in time order.
 *
 * <p>The cut is found by galloping from the last cut, then halving, parsing a few lines with a
 * parser of the reader's own: lines of one input are in time order, give or take the lateness.
 * Pieces can be a few lines long (two sparse logs of the same days); the pipeline hands them to the
 * workers a few thousand lines at a time.
 */
final class MergedInput {
    /** Lines searched for one with a time before giving up (blank, malformed or timeless lines). */
    private static final int TIME_SEARCH = 64;

    final int position;
    final Source source;
    final ParserSpec spec;
    final FileContext context;
    /** Sequence number of this input's first piece, once one was handed out; -1 before. */
    long firstSequence = -1;
    /** Lines handed out so far. */
    long lines;

    private final Parser probe;
    private final TimeSink time = new TimeSink();
    /** The block being handed out, from line {@link #next} on; null when the input is exhausted. */
    private LineBlock block;
    private int[] starts;
    private int next;
    /** The block was handed out to its last line; {@link #advance} reads the next. */
    private boolean blockDone;
    /** Time of the block's last timed line, or {@link Long#MIN_VALUE}. */
    private long blockLast;
    private long start;

    /** @param first the input's first block, already read (it decided the format) */
    MergedInput(int position, Source source, ParserSpec spec, FileContext context, LineBlock first) {
        this.position = position;
        this.source = source;
        this.spec = spec;
        this.context = context;
        this.probe = spec.create(context);
        setBlock(first);
    }

    boolean exhausted() {
        return block == null && !blockDone;
    }

    /**
     * Time of the first timed line still to hand out; {@link Long#MIN_VALUE} when the lines near
     * it have none (they go first: nothing to wait for).
     */
    long start() {
        return start;
    }

    /**
     * The next piece: the lines still to hand out up to the last one at or before {@code bound},
     * at least one line. When that is the rest of the block, {@link #advance} reads the next one:
     * after the piece is on its way, so a read that fails (a truncated gzip) loses no line before it.
     */
    LineBlock take(long bound) {
        int count = (int) block.lineCount();
        int end = blockLast == Long.MIN_VALUE || blockLast <= bound ? count : firstLaterThan(bound, count);
        LineBlock piece = next == 0 && end == count ? block : block.slice(next, end, starts);
        lines += end - next;
        next = end;
        if (next == count) {
            blockDone = true;
        } else {
            start = timeNear(next, 1);
        }
        return piece;
    }

    /** Reads the next block once the last one was handed out whole; nothing otherwise. */
    void advance() throws IOException {
        if (blockDone) {
            blockDone = false;
            block = null;
            setBlock(source.next());
        }
    }

    /**
     * The first line after {@link #next} whose time is later than {@code bound}, or the last line
     * when none is found: galloping from {@link #next}, then halving, so a short piece costs a few
     * parses rather than a search of the whole block.
     */
    private int firstLaterThan(long bound, int count) {
        IntPredicate later = i -> {
            long t = timeNear(i, 1);
            return t != Long.MIN_VALUE && t > bound;
        };
        int low = next + 1;
        int step = 1;
        int high = low;
        while (high < count - 1 && !later.test(high)) {
            low = high + 1;
            high = Math.min(count - 1, high + step);
            step *= 2;
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (later.test(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return Math.max(next + 1, high);
    }

    private void setBlock(LineBlock b) {
        block = b == null || b.lineCount() == 0 ? null : b;
        next = 0;
        starts = block == null ? null : block.lineStarts();
        blockLast = block == null ? Long.MIN_VALUE : timeNear((int) block.lineCount() - 1, -1);
        start = block == null ? Long.MIN_VALUE : timeNear(0, 1);
    }

    /** The time of line {@code i} of the block, or of the nearest timed line in {@code direction}. */
    private long timeNear(int i, int direction) {
        int count = (int) block.lineCount();
        for (int k = 0, at = i; k < TIME_SEARCH && at >= 0 && at < count; k++, at += direction) {
            long t = timeOf(at);
            if (t != Long.MIN_VALUE) {
                return t;
            }
        }
        return Long.MIN_VALUE;
    }

    private long timeOf(int line) {
        int from = starts[line];
        int to = Math.min(starts[line + 1] - 1, block.length());
        if (to > from && block.bytes()[to - 1] == '\r') {
            to--;
        }
        if (to <= from) {
            return Long.MIN_VALUE;
        }
        time.time = Long.MIN_VALUE;
        try {
            probe.parse(new RawLine(block.bytes(), from, to - from, block.firstLine() + line, false), time);
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;   // a parser bug is the workers' to report, with the line
        }
        return time.time;
    }

    /** Keeps the time of the event a line gave. */
    private static final class TimeSink implements ParseSink {
        long time = Long.MIN_VALUE;

        @Override
        public void event(Event event) {
            if (event.hasTime()) {
                time = event.time();
            }
        }

        @Override
        public void ignored() {
        }

        @Override
        public void malformed(String reason) {
        }
    }
}
