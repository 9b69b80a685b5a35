package org.hotline.pipeline;

import java.util.List;
import java.util.function.Consumer;
import org.hotline.event.Event;

/**
 * An events consumer in two stages, for output whose encoding costs more than the parsing
 * ({@code --events-out}: JSON for every event): {@link #encode} runs on the worker that parsed a
 * block, beside the other workers, and only {@link #write} takes the blocks one at a time, in
 * input order. As a plain consumer, every block went through both stages under the pipeline's
 * ordering lock, so one thread did all the encoding while the other workers waited for it.
 *
 * @param <T> a block's encoded form, held until the blocks before it are written
 */
public interface StagedEvents<T> extends Consumer<List<Event>> {

    /** A block's events, encoded; called on any worker thread, several at once. */
    T encode(List<Event> events);

    /** An encoded block, in input order, one at a time. */
    void write(T encoded);

    @Override
    default void accept(List<Event> events) {
        write(encode(events));
    }
}
