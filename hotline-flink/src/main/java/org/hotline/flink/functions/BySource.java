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
 * <p>Why by source: each of the seven built-in detectors (brute-force, request-flood, port-scan
 * vertical and horizontal, path-scan, web-exploit, ids, honeypot) counts in a
 * {@code WindowedTallies} keyed by the event's source, then target, signature and time window, and
 * ignores events without a source; so a subtask needs every event of its sources and nothing else.
 * A detector keyed otherwise (many sources against one target) could not run here as it is, and
 * would need a stage of its own at parallelism 1 or keyed by its own key.
 *
 * <p>Why a custom partitioning and not {@code keyBy}: the detectors are order-independent and keep
 * their own tables, so a subtask needs all events of its sources and nothing else. {@code keyBy} in BATCH mode would also sort each subtask's
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
