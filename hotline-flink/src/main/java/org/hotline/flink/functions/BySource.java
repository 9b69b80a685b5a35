package org.hotline.flink.functions;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.MathUtils;
import org.hotline.event.Event;

/**
 * Sends every event of one source address to one detect subtask: the key is the address's hash
 * (the same on every machine: {@code IpAddress} is a record of two longs), the partition a murmur
 * hash of it. Events without a source all go to one subtask; no detector uses them, and the tally
 * counts them.
 *
 * <p>Why a custom partitioning and not {@code keyBy}: every core detector keys its state by source
 * (then target, signature and time window) and is order-independent, so a subtask needs all events
 * of its sources and nothing else. {@code keyBy} in BATCH mode would also sort each subtask's
 * events by key and give the function keyed state, neither of which the detectors need.
 */
public final class BySource {
    private BySource() {}

    /** The key: the source address's hash, 0 for events without one. */
    public static final class Key implements KeySelector<Event, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(Event e) {
            return e.source() == null ? 0 : e.source().hashCode();
        }
    }

    /** The subtask of a key. */
    public static final class Partition implements Partitioner<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Integer key, int partitions) {
            return MathUtils.murmurHash(key) % partitions;
        }
    }
}
