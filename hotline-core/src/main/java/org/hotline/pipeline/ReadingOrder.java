package org.hotline.pipeline;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.hotline.event.Event;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.ParserSpec;
import org.hotline.source.LineBlock;
import org.hotline.source.Source;
import org.hotline.source.Sources;

/**
 * The order to read several inputs in: oldest first, by the time of each one's first event, where
 * that is clear.
 *
 * <p>Why: detector windows are closed as the input is read past them ({@link Horizon}), so an input
 * older than the one read before it would be late as a whole, judged apart from its neighbours and
 * reported as out of order. Users give rotated logs newest first ({@code access.log access.log.1})
 * or a directory of logs from different systems and years; read oldest first, they are one stream
 * in time order. The report still lists the inputs in the order given.
 *
 * <p>"Where that is clear": an input moves before another only if its first event is more than the
 * lateness older than the other's. Inputs whose first times lie closer are pieces of one stream
 * (a log cut into parts, two servers' logs of the same hours) and keep the order given: their first
 * lines can be a few seconds out of order (a request is logged when it ends), and sorting on those
 * seconds put a part that runs on for an hour before the parts it overlaps, which then were late
 * (measured: the sample log cut into 200 parts lost a path scan that way).
 *
 * <p>Peeking opens each input once more and parses at most its first lines. Standard input and
 * pipes cannot be read twice; they, and any input whose first time cannot be told (unreadable,
 * unknown format, no timed event near the top), are read first, in the order given, and report
 * their own problems when they are read for real. Since any of them may overlap the others, they
 * make the inputs read merged by time, where their first block shows their time.
 */
final class ReadingOrder {
    private ReadingOrder() {}

    /**
     * The reading order, and whether the inputs overlap in time so that windows must stay open.
     *
     * @param order   indices into the inputs, in reading order
     * @param overlap true when some input, in this order, may hold lines more than the lateness older
     *                than lines of an input read before it, and there are too many to merge by time
     *                (more than {@link #MAX_MERGED}): then closing windows while reading would judge
     *                its lines apart from their neighbours, so the pipeline keeps every window open
     *                to the end instead, as {@code --lateness unlimited} does
     * @param merge   true when the inputs may overlap in time (two servers' logs of the same hours,
     *                standard input beside a file): they are read merged by time ({@link MergedInput})
     */
    record Plan(List<Integer> order, boolean overlap, boolean merge) {
        Plan(List<Integer> order, boolean overlap) {
            this(order, overlap, false);
        }
    }

    /**
     * Most inputs read merged by time: each holds a pending block (about 1 MiB) and an open file.
     * Beyond this many overlapping inputs the windows stay open to the end instead.
     */
    static final int MAX_MERGED = 64;

    /**
     * @param lateness millis (see {@link Pipeline.Settings#lateness()}); with
     *                 {@link Horizon#UNLIMITED} nothing is ever late, and the order given is kept
     * @param context  makes the parsing context of an opened input from its first block, or null
     *                 when its format cannot be told
     */
    static Plan of(List<Sources.Input> inputs, InputStream stdin, long lateness, Function<Source, Peek> context) {
        List<Integer> unknown = new ArrayList<>();
        List<Integer> known = new ArrayList<>();
        if (inputs.size() < 2 || lateness == Horizon.UNLIMITED) {
            for (int i = 0; i < inputs.size(); i++) {
                unknown.add(i);
            }
            return new Plan(unknown, false);
        }
        long[] first = new long[inputs.size()];
        long[] last = new long[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Span span = span(inputs.get(i), stdin, context);
            first[i] = span.first();
            last[i] = span.last();
            (first[i] == Long.MIN_VALUE ? unknown : known).add(i);
        }
        // Insertion sort on "more than the lateness older": a strict partial order, not a total
        // one, so no library sort; an input moves back past each one it is clearly older than.
        for (int k = 1; k < known.size(); k++) {
            for (int j = k; j > 0 && first[known.get(j)] < first[known.get(j - 1)] - lateness; j--) {
                Collections.swap(known, j, j - 1);
            }
        }
        // An input of unknown time may hold anything; one whose first line is older than the
        // latest possible line of an input before it (less the lateness) would be partly late.
        boolean overlap = !unknown.isEmpty();
        long latest = Long.MIN_VALUE;
        for (int i : known) {
            if (latest != Long.MIN_VALUE && first[i] < latest - lateness) {
                overlap = true;
            }
            latest = Math.max(latest, last[i]);
        }
        unknown.addAll(known);
        if (overlap && inputs.size() <= MAX_MERGED) {
            // Read merged by time, and windows close as usual. An input whose time could not be
            // peeked (standard input, a pipe) shows its time when the merge reads its first block.
            return new Plan(unknown, false, true);
        }
        return new Plan(unknown, overlap);
    }

    /** What parsing an input's first lines needs: its context and format, from its first block. */
    record Peek(FileContext context, ParserSpec spec, LineBlock first) {}

    /**
     * First event time, or {@link Long#MIN_VALUE} when it cannot be told; and an upper bound of the
     * last: the file's modification time, since a log is written after what it records (a copy
     * made later only moves the bound up, which can only keep windows open that could have closed).
     * {@link Long#MAX_VALUE} when there is no modification time.
     */
    private record Span(long first, long last) {}

    private static Span span(Sources.Input input, InputStream stdin, Function<Source, Peek> context) {
        // Only a regular file can be read twice: a pipe (`<(zcat a.gz)`, a FIFO) would lose what
        // the peek read, so it is left unpeeked, like standard input.
        if (input.isStdin() || input.problem() != null || input.path() == null || !Files.isRegularFile(input.path())) {
            return new Span(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        try (Source source = Sources.open(input, stdin)) {
            long modified = source.info().lastModified();
            long last = modified > 0 ? modified : Long.MAX_VALUE;
            Peek peek = context.apply(source);
            if (peek == null) {
                return new Span(Long.MIN_VALUE, last);
            }
            Parser parser = peek.spec().create(peek.context());
            FirstTime sink = new FirstTime();
            peek.first().forEachLine(line -> {
                if (sink.time == Long.MIN_VALUE && sink.lines++ < Pipeline.HEAD_LINES && !line.truncated() && !line.isBlank()) {
                    parser.parse(line, sink);
                }
            });
            return new Span(sink.time, last);
        } catch (Exception e) {
            // Whatever is wrong with the input is reported when it is read; here it only goes first.
            return new Span(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** Keeps the first event time a parser gives. */
    private static final class FirstTime implements ParseSink {
        long time = Long.MIN_VALUE;
        int lines;

        @Override
        public void event(Event event) {
            if (time == Long.MIN_VALUE && event.hasTime()) {
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
