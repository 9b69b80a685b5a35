package org.hotline.pipeline;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hotline.event.Event;

/**
 * Hands the events of each block to a consumer in input order, although workers finish blocks in
 * any order. Holds at most the blocks in flight, since a block is only queued after an earlier one
 * was taken.
 */
final class OrderedCommitter {
    private final Consumer<List<Event>> out;
    private final TreeMap<Long, List<Event>> waiting = new TreeMap<>();
    private long next;

    OrderedCommitter(Consumer<List<Event>> out) {
        this.out = out;
    }

    synchronized void commit(long sequence, List<Event> events) {
        waiting.put(sequence, events);
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            out.accept(waiting.pollFirstEntry().getValue());
            next++;
        }
    }
}
