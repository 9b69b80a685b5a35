package org.hotline.flink.functions;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.hotline.HotlineException;
import org.hotline.aggregate.Aggregator;
import org.hotline.event.Event;
import org.hotline.pipeline.InputSummary;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.Sources;

/**
 * Reads one input whole with core's {@link Pipeline}, as {@code hotline analyze} reads it (plain or
 * gzip, format detected from its first lines or forced, over-long lines cut and skipped, every line
 * accounted for), with no detector, handing each event to the caller on the calling thread (a
 * Flink task's, which alone may emit). Shared by the parse stage of files and of Kafka partitions,
 * so both read lines with the same code.
 */
final class InputReader {
    private InputReader() {}

    /**
     * @param format forced format name, or null to detect it from the input's first lines
     * @param year   year for year-less timestamps, or 0 to infer it from the file's time
     * @param zone   zone id for timestamps that carry none
     * @param out    receives every event, in input order
     * @return what happened to the input's lines
     */
    static InputSummary read(Sources.Input input, String format, int year, String zone, Consumer<Event> out)
            throws InterruptedException {
        // One worker: the subtask is the unit of parallelism here; the pipeline's reading thread
        // only reads ahead of its parser, as on one machine.
        EventHandoff handoff = new EventHandoff();
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(format, year, ZoneId.of(zone), 1), List::of,
                NoTally::new, handoff::put, PipelineListener.NONE, InputStream.nullInputStream());
        Thread reader = new Thread(() -> handoff.run(() -> pipeline.run(List.of(input))), "hotline-read " + input.name());
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<Event> block = handoff.next(); block != null; block = handoff.next()) {
                for (Event e : block) {
                    out.accept(e);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            pipeline.abort(new HotlineException("the Flink task was cancelled while reading " + input.name()));
            handoff.cancel();
            Thread.currentThread().interrupt();
            throw e;
        } catch (RuntimeException e) {
            pipeline.abort(e);
            handoff.cancel();
            throw e;
        }
        return handoff.result().inputs().get(0);
    }

    /** The parse stage counts no sources: the detect stage does, on the subtask that has all of a source's events. */
    private static final class NoTally implements Aggregator {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void mergeFrom(Aggregator other) {
        }
    }
}
