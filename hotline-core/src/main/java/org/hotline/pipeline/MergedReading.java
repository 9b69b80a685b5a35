package org.hotline.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hotline.InputException;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParserSpec;
import org.hotline.pipeline.Pipeline.Reading;
import org.hotline.pipeline.Pipeline.Work;
import org.hotline.source.LineBlock;
import org.hotline.source.Source;
import org.hotline.source.SourceInfo;
import org.hotline.source.Sources;

/**
 * The pipeline's reader for inputs that overlap in time ({@link ReadingOrder.Plan#merge()}): all
 * are open at once, and the lines handed out next are always those of the input whose pending
 * lines are earliest, cut where another's are due ({@link MergedInput}). Then they stream like one
 * log: windows close as reading passes them, and memory stays bounded.
 */
final class MergedReading {
    private final Pipeline formats;
    private final long lateness;
    private final PipelineListener listener;
    private final InputStream stdin;
    private final Supplier<RuntimeException> aborted;

    /**
     * @param formats  the pipeline, for each input's context and format, decided as for any input
     * @param lateness the run's lateness in millis (not unlimited: then nothing is merged)
     * @param aborted  why the run must stop reading, or null while it may go on
     */
    MergedReading(Pipeline formats, long lateness, PipelineListener listener, InputStream stdin,
                  Supplier<RuntimeException> aborted) {
        this.formats = formats;
        this.lateness = lateness;
        this.listener = listener;
        this.stdin = stdin;
        this.aborted = aborted;
    }

    /**
     * Reads inputs that overlap in time merged by time (see {@link MergedInput}): the piece handed
     * out next is always of the input whose pending lines are earliest. Returns their readings in
     * reading order; an input that cannot be read, or whose format cannot be told, is recorded as
     * failed and the others go on.
     */
    List<Reading> read(List<Sources.Input> inputs, BlockingQueue<Work> queue, AtomicReference<Throwable> failure,
                       long[] sequence) {
        Reading[] readings = new Reading[inputs.size()];
        List<MergedInput> open = new ArrayList<>();
        try {
            for (int position = 0; position < inputs.size(); position++) {
                MergedInput m = openMerged(position, inputs.get(position), readings, queue, failure, sequence);
                if (m != null) {
                    open.add(m);
                }
            }
            long halfLateness = lateness / 2;
            Batch batch = new Batch();
            while (!open.isEmpty() && aborted.get() == null) {
                MergedInput next = open.get(0);
                for (MergedInput m : open) {
                    if (m.start() < next.start()) {
                        next = m;   // the earliest pending lines; on a tie, the input given first
                    }
                }
                long others = Long.MAX_VALUE;
                for (MergedInput m : open) {
                    if (m != next) {
                        others = Math.min(others, m.start());
                    }
                }
                long bound = others > Long.MAX_VALUE - halfLateness ? Long.MAX_VALUE : others + halfLateness;
                batch.add(next, next.take(bound));
                try {
                    next.advance();
                    if (next.exhausted()) {
                        // Its last lines handed out (and reported) before it is reported done.
                        batch.flush(open, queue, failure, sequence);
                        finishMerged(next, open, readings, null);
                    }
                } catch (InputException | IOException e) {
                    // As when inputs are read one after another: named, and the lines before still count.
                    batch.flush(open, queue, failure, sequence);
                    finishMerged(next, open, readings, Pipeline.problem(inputs.get(next.position), e));
                }
                if (batch.lines >= MERGED_BATCH_LINES) {
                    batch.flush(open, queue, failure, sequence);
                }
            }
            batch.flush(open, queue, failure, sequence);
        } finally {
            for (MergedInput m : List.copyOf(open)) {
                finishMerged(m, open, readings, null);
            }
        }
        return List.of(readings);
    }

    /** Lines of merged inputs handed to a worker at once (see {@link Work#then}). */
    private static final int MERGED_BATCH_LINES = 4096;

    /** Pieces of merged inputs gathered for one unit of work, in the order they were cut. */
    private final class Batch {
        private final List<MergedInput> inputs = new ArrayList<>();
        private final List<LineBlock> pieces = new ArrayList<>();
        long lines;

        void add(MergedInput input, LineBlock piece) {
            inputs.add(input);
            pieces.add(piece);
            lines += piece.lineCount();
        }

        void flush(List<MergedInput> open, BlockingQueue<Work> queue, AtomicReference<Throwable> failure, long[] sequence) {
            if (pieces.isEmpty()) {
                return;
            }
            long number = sequence[0]++;
            int oldest = Integer.MAX_VALUE;
            for (MergedInput m : open) {
                oldest = Math.min(oldest, m.position);
            }
            for (MergedInput m : inputs) {
                oldest = Math.min(oldest, m.position);
                if (m.firstSequence < 0) {
                    m.firstSequence = number;
                }
            }
            Work then = null;
            for (int i = pieces.size() - 1; i >= 0; i--) {
                MergedInput m = inputs.get(i);
                then = new Work(m.position, m.spec, m.context, pieces.get(i), number, m.firstSequence, oldest, then, null);
            }
            Pipeline.put(queue, then, failure, false);
            for (int i = 0; i < pieces.size(); i++) {
                listener.progress(inputs.get(i).source.info(), pieces.get(i).inputOffset(), inputs.get(i).lines);
            }
            inputs.clear();
            pieces.clear();
            lines = 0;
        }
    }

    /**
     * Opens one input of a merge and reads its first block with a line to tell the format from; null
     * (with its reading recorded) if that fails or there is none. Blocks before it, of blank and
     * over-long lines only, carry no time to merge by: they are handed out at once, to be counted.
     */
    private MergedInput openMerged(int position, Sources.Input input, Reading[] readings, BlockingQueue<Work> queue,
                                   AtomicReference<Throwable> failure, long[] sequence) {
        Source source = null;
        SourceInfo info = null;
        try {
            source = Sources.open(input, stdin);
            info = source.info();
            LineBlock first = source.next();
            long silentLines = 0;
            while (first != null && !formats.tellsFormat(first) && aborted.get() == null) {
                silentLines += first.lineCount();
                long number = sequence[0]++;
                Pipeline.put(queue, Work.unformatted(position, first, number, number, null), failure, false);
                first = source.next();
            }
            if (first == null) {
                listener.inputFinished(info, null);
                readings[position] = new Reading(info, null, null, input.name(), null);
                source.close();
                return null;
            }
            FileContext context = formats.context(info, first);
            ParserSpec spec = formats.chooseFormat(context, first);
            listener.inputStarted(info, spec.format());
            readings[position] = new Reading(info, spec, context, input.name(), null);
            MergedInput merged = new MergedInput(position, source, spec, context, first);
            merged.lines = silentLines;   // for progress: lines read of this input
            return merged;
        } catch (InputException | IOException e) {
            String message = Pipeline.problem(input, e);
            listener.inputFinished(info != null ? info : SourceInfo.unopened(input.name()), message);
            readings[position] = new Reading(info, null, null, input.name(), message);
            closeQuietly(source);
            return null;
        }
    }

    private void finishMerged(MergedInput m, List<MergedInput> open, Reading[] readings, String error) {
        open.remove(m);
        Reading r = readings[m.position];
        readings[m.position] = new Reading(r.info(), r.spec(), r.context(), r.name(), error);
        listener.inputFinished(m.source.info(), error);
        closeQuietly(m.source);
    }

    private static void closeQuietly(Source source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException e) {
            // nothing was lost: the input was read as far as it could be
        }
    }

}
