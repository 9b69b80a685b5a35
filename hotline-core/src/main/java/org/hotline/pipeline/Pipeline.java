package org.hotline.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.OutputException;
import org.hotline.aggregate.Aggregator;
import org.hotline.detect.Attack;
import org.hotline.detect.Detector;
import org.hotline.event.Event;
import org.hotline.parse.FileContext;
import org.hotline.parse.FormatDetector;
import org.hotline.parse.ParserSpec;
import org.hotline.parse.Parsers;
import org.hotline.source.BlockBuffers;
import org.hotline.source.LineBlock;
import org.hotline.source.LineBlockReader;
import org.hotline.source.Source;
import org.hotline.source.SourceInfo;
import org.hotline.source.SourceOpener;
import org.hotline.source.Sources;

/**
 * Runs source → parser → detectors and aggregator over a list of inputs, using every core.
 *
 * <p>How the work is split: this thread reads each input in turn (oldest first, see {@link
 * ReadingOrder}; inputs that overlap in time merged by time, see {@link MergedInput}), numbers its
 * lines, decides its format from the first lines, and queues blocks of whole lines; worker threads
 * take blocks in any order and feed their own parser, detector and aggregator instances, which are
 * merged at the end.
 * That is why detectors and aggregators must be order-independent and mergeable. Memory is bounded
 * by the blocks in flight ({@code 2 × workers + 2} of about 1 MiB), per-source state, and the
 * detector windows still open: as the input is read past a time (see {@link Horizon}), workers
 * hand the windows before it to one shared set of detectors, which judges and drops them.
 *
 * <p>An input that cannot be read, or whose format cannot be told, is recorded in its
 * {@link InputSummary} and the run goes on with the next; lines read before a failure (a truncated
 * gzip) still count.
 */
public final class Pipeline {
    /** Lines of each input shown to format detection and to parsers as {@link FileContext#head()}. */
    public static final int HEAD_LINES = 200;
    /** Lines of the first block format detection reads when the head alone tells nothing. */
    static final int DETECTION_LINES = 5_000;
    /**
     * Blocks with nothing to tell the format from that peeking reads past before giving up on an
     * input's first time (it is then read in the order given, and told when read for real).
     */
    private static final int PEEK_SILENT_BLOCKS = 16;

    /** Default lateness: a quarter of an hour, far more than a request or a syslog writer lags. */
    public static final long DEFAULT_LATENESS_MILLIS = 15 * 60_000L;
    /** Lateness that keeps every detector window open until the end of the run. */
    public static final long UNLIMITED_LATENESS = Horizon.UNLIMITED;

    /**
     * @param format   forced format name, or null to detect per input
     * @param year     year for year-less timestamps (syslog), or 0 to infer it from the file's mtime
     * @param zone     zone for timestamps that carry none
     * @param workers  worker threads, at least 1
     * @param lateness millis a line's time may lie before the lines read before it and still join
     *                 its detector window; older windows are judged and dropped as the input is
     *                 read, which bounds memory. {@link #UNLIMITED_LATENESS} keeps all to the end
     */
    public record Settings(String format, int year, ZoneId zone, int workers, long lateness) {
        public Settings {
            if (workers < 1) {
                throw new InputException("--threads " + workers + ": must be >= 1");
            }
            if (lateness < 0 && lateness != UNLIMITED_LATENESS) {
                throw new InputException("--lateness: must not be negative");
            }
            if (year != 0 && (year < 1970 || year > 9999)) {
                throw new InputException("--year " + year + ": must be between 1970 and 9999");
            }
            if (format != null) {
                Parsers.byName(format);
            }
        }

        /** With the default lateness. */
        public Settings(String format, int year, ZoneId zone, int workers) {
            this(format, year, zone, workers, DEFAULT_LATENESS_MILLIS);
        }

        public static Settings defaults() {
            return new Settings(null, 0, ZoneId.of("UTC"), Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * What a run produced: per-input accounting, the attacks, the merged aggregator, how many events
     * came later than the lateness allowed (their windows may have been judged already), and whether
     * every window was kept open to the end because the inputs overlap in time and were too many
     * to merge by time (see {@link ReadingOrder.Plan}).
     */
    public record Result(List<InputSummary> inputs, List<Attack> attacks, Aggregator aggregate, long lateEvents,
                         boolean windowsKeptOpen) {
        public boolean anyInputFailed() {
            return inputs.stream().anyMatch(InputSummary::failed);
        }

        /** Every input failed before its first line (missing, unreadable, binary, unknown format): there is nothing to report on. */
        public boolean nothingRead() {
            return !inputs.isEmpty() && inputs.stream().allMatch(i -> i.failed() && i.lines() == 0);
        }
    }

    private final Settings settings;
    private final Supplier<List<Detector>> detectors;
    private final Supplier<Aggregator> aggregator;
    private final Consumer<List<Event>> eventsOut;
    private final PipelineListener listener;
    private final InputStream stdin;
    private final SourceOpener opener;
    /** Why the run must stop reading, set by {@link #abort} from another thread; null while it may go on. */
    private final AtomicReference<RuntimeException> aborted = new AtomicReference<>();

    /**
     * @param detectors  makes a fresh set of detectors; called once per worker
     * @param aggregator makes a fresh aggregator; called once per worker
     * @param eventsOut  receives every event, block by block in input order (for --events-out), or null;
     *                   a {@link StagedEvents} has its blocks encoded on the workers in parallel
     */
    public Pipeline(Settings settings, Supplier<List<Detector>> detectors, Supplier<Aggregator> aggregator,
                    Consumer<List<Event>> eventsOut, PipelineListener listener, InputStream stdin) {
        this(settings, detectors, aggregator, eventsOut, listener, stdin, SourceOpener.PLAIN);
    }

    /**
     * Like the other constructor, opening each input with {@code opener}: a {@link
     * org.hotline.source.Following} reads its one file on as it grows, until it is told to stop.
     */
    public Pipeline(Settings settings, Supplier<List<Detector>> detectors, Supplier<Aggregator> aggregator,
                    Consumer<List<Event>> eventsOut, PipelineListener listener, InputStream stdin, SourceOpener opener) {
        this.opener = opener;
        this.settings = settings;
        this.detectors = detectors;
        this.aggregator = aggregator;
        this.eventsOut = eventsOut;
        this.listener = listener;
        this.stdin = stdin;
    }

    /**
     * Stops a run from another thread: reading stops before the next block, the blocks queued are
     * finished, and {@link #run} throws {@code reason}. For work done beside the run that the run's
     * result needs (the CLI opens the databases while the first blocks are read): when that fails,
     * reading the rest of a large input would only delay the error. The first reason wins.
     */
    public void abort(RuntimeException reason) {
        aborted.compareAndSet(null, reason);
    }

    public Result run(List<Sources.Input> inputs) {
        BlockingQueue<Work> queue = new ArrayBlockingQueue<>(settings.workers() * 2 + 2);
        // The blocks in flight: those queued, one per worker, and the one being read.
        BlockBuffers buffers = new BlockBuffers(queue.remainingCapacity() + settings.workers() + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        OrderedCommitter<?> committer = eventsOut == null ? null : OrderedCommitter.of(eventsOut);
        List<Detector> shared = detectors.get();
        ReadingOrder.Plan plan = ReadingOrder.of(inputs, stdin, settings.lateness(), this::peek);
        boolean windowsKeptOpen = plan.overlap();
        Horizon horizon = new Horizon(windowsKeptOpen ? Horizon.UNLIMITED : settings.lateness());
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            Worker w = new Worker(queue, detectors.get(), shared, horizon, i, settings.workers(), aggregator.get(),
                    committer, failure);
            workers.add(w);
            Thread t = new Thread(w, "hotline-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        List<Reading> readings = new ArrayList<>();
        long[] sequence = {0};
        List<Integer> order = plan.order();
        try {
            if (plan.merge()) {
                readings.addAll(new MergedReading(this, settings.lateness(), listener, stdin, aborted::get)
                        .read(order.stream().map(inputs::get).toList(), queue, failure, sequence));
            }
            for (int position = readings.size(); position < order.size() && aborted.get() == null; position++) {
                readings.add(read(position, inputs.get(order.get(position)), queue, failure, sequence, buffers));
            }
        } finally {
            for (int i = 0; i < workers.size(); i++) {
                put(queue, Work.POISON, failure, true);
            }
            for (Thread t : threads) {
                joinQuietly(t);
            }
        }
        if (aborted.get() != null) {
            throw aborted.get();
        }
        Throwable broken = failure.get();
        if (broken instanceof InputException || broken instanceof OutputException) {
            throw (HotlineException) broken;   // stated for the user already (a full disk under --events-out)
        }
        if (broken != null) {
            throw new HotlineException("analysis failed in a worker: " + broken, broken);
        }
        return merge(readings, order, workers, shared, windowsKeptOpen);
    }

    /** The context and format of an input from its first block, for {@link ReadingOrder}; null if unknown. */
    private ReadingOrder.Peek peek(Source source) {
        try {
            LineBlock first = source.next();
            for (int silent = 0; first != null && !tellsFormat(first) && silent < PEEK_SILENT_BLOCKS; silent++) {
                first = source.next();
            }
            if (first == null) {
                return null;
            }
            FileContext context = context(source.info(), first);
            return new ReadingOrder.Peek(context, chooseFormat(context, first), first);
        } catch (IOException | InputException e) {
            return null;
        }
    }

    FileContext context(SourceInfo info, LineBlock first) {
        long reference = info.lastModified() > 0 ? info.lastModified() : System.currentTimeMillis();
        return new FileContext(info.name(), settings.year(), reference, settings.zone(), head(first, HEAD_LINES));
    }

    /** One input as the reader saw it: what the summary needs besides the workers' counts. */
    record Reading(SourceInfo info, ParserSpec spec, FileContext context, String name, String error) {}

    private Reading read(int index, Sources.Input input, BlockingQueue<Work> queue,
                         AtomicReference<Throwable> failure, long[] sequence, BlockBuffers buffers) {
        SourceInfo info = null;
        ParserSpec spec = null;
        FileContext context = null;
        try (Source source = opener.open(input, stdin, buffers)) {
            info = source.info();
            LineBlock first = source.next();
            long lines = 0;
            long firstSequence = sequence[0];
            // Blocks with nothing to tell the format from (blank lines, a first line over the length
            // limit) are counted without one; detection waits for the first block that has a line.
            while (first != null && !tellsFormat(first) && aborted.get() == null) {
                lines += first.lineCount();
                put(queue, Work.unformatted(index, first, sequence[0]++, firstSequence, buffers), failure, false);
                first = source.next();
            }
            if (first == null) {
                listener.inputFinished(info, null);
                return new Reading(info, null, null, input.name(), null);
            }
            if (source.growing()) {
                first = toldFormat(source, first, buffers);
            }
            context = context(info, first);
            spec = chooseFormat(context, first);
            listener.inputStarted(info, spec.format());
            for (LineBlock block = first; block != null && aborted.get() == null; block = source.next()) {
                lines += block.lineCount();
                put(queue, new Work(index, spec, context, block, sequence[0]++, firstSequence, index, null, buffers), failure, false);
                listener.progress(info, block.inputOffset(), lines);
            }
            listener.inputFinished(info, null);
            return new Reading(info, spec, context, input.name(), null);
        } catch (InputException | IOException e) {
            String message = problem(input, e);
            listener.inputFinished(info != null ? info : SourceInfo.unopened(input.name()), message);
            return new Reading(info, spec, context, input.name(), message);
        }
    }

    /**
     * For a file followed as it grows: its first block, joined with as many next ones as it takes
     * to tell its format. Its blocks hold the lines written since the one before, often one: a
     * rotated auth.log opens with a cron line, and detection on that line alone refused the file.
     * It waits until the format can be told, {@link #DETECTION_LINES} lines are in, or following
     * stops; detection is tried again each time the lines have doubled.
     */
    private LineBlock toldFormat(Source source, LineBlock first, BlockBuffers buffers) throws IOException {
        List<LineBlock> gathered = new ArrayList<>(List.of(first));
        long lines = first.lineCount();
        long tried = 0;
        while (true) {
            if (lines >= 2 * tried || lines >= DETECTION_LINES) {
                LineBlock head = gathered.size() == 1 ? gathered.get(0) : LineBlock.join(gathered);
                gathered = new ArrayList<>(List.of(head));
                tried = lines;
                if (formatTold(context(source.info(), head), head) || tried >= DETECTION_LINES) {
                    return head;
                }
            }
            LineBlock more = source.next();
            if (more == null) {
                return gathered.size() == 1 ? gathered.get(0) : LineBlock.join(gathered);
            }
            // Each block has a buffer of a megabyte for its few lines: kept as a copy of just those.
            gathered.add(LineBlock.join(List.of(more)));
            if (buffers != null) {
                buffers.give(more);
            }
            lines += more.lineCount();
        }
    }

    private boolean formatTold(FileContext context, LineBlock head) {
        try {
            chooseFormat(context, head);
            return true;
        } catch (InputException e) {
            return false;
        }
    }

    /** What the report says of an input that failed: an input problem as it is, a read error with the input's name. */
    static String problem(Sources.Input input, Exception e) {
        return e instanceof InputException ? e.getMessage()
                : input.name() + ": read error (" + e.getMessage() + "); the lines before were analysed";
    }

    /**
     * The forced format, else the one detected from the head; if the head tells nothing, from more
     * of the first block: a real auth.log may open with hundreds of cron and systemd lines before its
     * first sshd line, and detection on the 200-line head refused it.
     */
    ParserSpec chooseFormat(FileContext context, LineBlock first) {
        if (settings.format() != null) {
            return Parsers.byName(settings.format());
        }
        FormatDetector detector = new FormatDetector();
        Optional<ParserSpec> detected = detector.detect(context);
        int tried = context.head().size();
        if (detected.isEmpty() && first.lineCount() > tried) {
            List<String> more = head(first, DETECTION_LINES);
            detected = detector.detect(new FileContext(context.name(), context.forcedYear(), context.referenceTime(),
                    context.zone(), more));
            tried = more.size();
        }
        if (detected.isPresent()) {
            return detected.get();
        }
        long[] cut = {0};
        first.forEachLine(line -> cut[0] += line.truncated() ? 1 : 0);
        throw new InputException(context.name() + ": cannot tell the format from its first " + tried + " lines"
                + (cut[0] == 0 ? "" : " (and " + cut[0] + " longer than " + LineBlockReader.MAX_LINE_BYTES
                        + " bytes, left out)")
                + "; pass --format (known: " + String.join(", ", Parsers.all().stream().map(ParserSpec::format).toList()) + ")");
    }

    /**
     * True if the block has a line to tell a format from: one neither blank nor cut at the length
     * limit. Always true with {@code --format}: the format is told already.
     */
    boolean tellsFormat(LineBlock block) {
        if (settings.format() != null) {
            return true;
        }
        boolean[] tells = {false};
        block.forEachLine(line -> tells[0] |= !line.truncated() && !line.isBlank());
        return tells[0];
    }

    /**
     * Up to {@code limit} whole lines of the block, as text. A line cut at the length limit is left
     * out: its start alone can look like no format at all. Blank lines are left out too: they tell
     * nothing, and a block that opened with thousands of them left no line to tell from.
     */
    private static List<String> head(LineBlock first, int limit) {
        List<String> head = new ArrayList<>();
        first.forEachLine(line -> {
            if (head.size() < limit && !line.truncated() && !line.isBlank()) {
                head.add(line.text());
            }
        });
        return head;
    }

    /** Merges the workers' results; {@code order} maps reading position to the input's place as given. */
    private Result merge(List<Reading> readings, List<Integer> order, List<Worker> workers, List<Detector> shared,
                         boolean windowsKeptOpen) {
        Worker into = workers.get(0);
        for (int i = 1; i < workers.size(); i++) {
            into.mergeFrom(workers.get(i));
        }
        InputSummary[] summaries = new InputSummary[readings.size()];
        for (int position = 0; position < readings.size(); position++) {
            Reading r = readings.get(position);
            InputAccounting counts = into.accounting(position);
            summaries[order.get(position)] = new InputSummary(
                    r.name(),
                    r.spec() == null ? null : r.spec().format(),
                    settings.format() != null,
                    r.info() == null ? -1 : r.info().size(),
                    r.info() != null && r.info().compressed(),
                    counts.lines, counts.events, counts.ignored, counts.skipped, counts.firstSkipped(),
                    // Only where a line used it: an sshd log stamped RFC 5424 or ISO carries its own years.
                    counts.yearInferred > 0 ? r.context().yearRule() : null,
                    r.error(), counts.leftAside, counts.leftAsideFor);
        }
        List<Attack> attacks = new ArrayList<>();
        shared.forEach(d -> d.finish(attacks::add));
        return new Result(List.of(summaries), List.copyOf(attacks), into.aggregator(), into.lateEvents(), windowsKeptOpen);
    }

    static void put(BlockingQueue<Work> queue, Work work, AtomicReference<Throwable> failure, boolean always) {
        try {
            while (!queue.offer(work, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null && !always) {
                    throw new HotlineException("analysis failed in a worker: " + failure.get(), failure.get());
                }
                if (failure.get() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotlineException("interrupted while queueing work", e);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A block to parse, with what its worker needs to make a parser for its input: blocks are
     * numbered across inputs in reading order, and {@code firstSequence} is the number of the
     * input's first block. Inputs before {@code oldestOpenInput} are read to the end: their parsers
     * can go (one after another, that is every input before this one; merged, the oldest still open).
     * {@code then} is the next block of the same unit of work, or null: inputs merged by time come in
     * pieces of a few lines, which are handed to the workers a few thousand lines at a time (one
     * piece per hand-off cost more in waking workers than parsing them). {@code returnTo} takes the
     * block's buffer back once it is parsed, or is null (the buffer is left to the collector).
     */
    record Work(int input, ParserSpec spec, FileContext context, LineBlock block, long sequence, long firstSequence,
                int oldestOpenInput, Work then, BlockBuffers returnTo) {
        static final Work POISON = new Work(-1, null, null, null, -1, -1, -1, null, null);

        /**
         * A block read before the input's format could be told: its lines are all blank or over the
         * length limit, which are counted without a parser. Keeps every parser of the run (oldest
         * open input 0), as it may come before inputs read earlier are finished.
         */
        static Work unformatted(int input, LineBlock block, long sequence, long firstSequence, BlockBuffers returnTo) {
            return new Work(input, null, null, block, sequence, firstSequence, 0, null, returnTo);
        }

        /** Lines of this block and the ones after it. */
        long lines() {
            long n = 0;
            for (Work w = this; w != null; w = w.then) {
                n += w.block.lineCount();
            }
            return n;
        }
    }

}
