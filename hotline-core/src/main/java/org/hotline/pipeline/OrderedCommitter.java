package org.hotline.pipeline;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.event.Event;

/**
 * Hands the events of each block to a consumer in input order, although workers finish blocks in
 * any order. Holds at most the blocks in flight, since a block is only queued after an earlier one
 * was taken. A {@link StagedEvents} consumer encodes each block on the worker that commits it,
 * outside the lock; only its writes are ordered.
 */
final class OrderedCommitter<T> {
    private final Function<List<Event>, T> encode;
    private final Consumer<T> write;
    private final TreeMap<Long, T> waiting = new TreeMap<>();
    private long next;

    private OrderedCommitter(Function<List<Event>, T> encode, Consumer<T> write) {
        this.encode = encode;
        this.write = write;
    }

    static OrderedCommitter<?> of(Consumer<List<Event>> out) {
        if (out instanceof StagedEvents<?> staged) {
            return staged(staged);
        }
        return new OrderedCommitter<>(events -> events, out);
    }

    private static <T> OrderedCommitter<T> staged(StagedEvents<T> out) {
        return new OrderedCommitter<>(out::encode, out::write);
    }

    void commit(long sequence, List<Event> events) {
        T encoded = encode.apply(events);
        synchronized (this) {
            waiting.put(sequence, encoded);
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                write.accept(waiting.pollFirstEntry().getValue());
                next++;
            }
        }
    }
}
