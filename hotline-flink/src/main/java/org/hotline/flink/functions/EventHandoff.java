package org.hotline.flink.functions;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.HotlineException;
import org.hotline.event.Event;
import org.hotline.pipeline.Pipeline;

/**
 * Carries the events core's {@link Pipeline} hands to its {@code eventsOut} consumer, block by
 * block, from the pipeline's threads to the Flink task thread, which alone may emit them.
 *
 * <p>Why: the pipeline parses on threads of its own and calls {@code eventsOut} from them, while a
 * Flink collector must be called from the task's thread. Buffering a whole input instead would
 * hold every event of a large log in memory; this queue holds a few blocks (about 1 MiB of lines
 * each), and a full queue makes the pipeline wait.
 *
 * <p>Hazard: {@link #next} must be called until it returns null or throws, or {@link #cancel}ed,
 * or the pipeline waits forever on a full queue.
 */
final class EventHandoff {
    private static final Object END = new Object();
    private static final int BLOCKS_IN_FLIGHT = 4;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT);
    private volatile boolean cancelled;
    private volatile Pipeline.Result result;
    private volatile Throwable failure;

    /** The pipeline's {@code eventsOut}: waits while the queue is full, drops the blocks once cancelled. */
    void put(List<Event> block) {
        try {
            while (!cancelled && !queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
                // the task thread is emitting; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotlineException("interrupted while handing events over", e);
        }
    }

    /** Runs the pipeline (on the calling thread) and marks the end of its events, or its failure. */
    void run(Supplier<Pipeline.Result> pipeline) {
        try {
            result = pipeline.get();
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                while (!cancelled && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // wait for room for the end mark
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next block of events, or null after the last; rethrows the pipeline's failure. */
    @SuppressWarnings("unchecked")
    List<Event> next() throws InterruptedException {
        Object item = queue.take();
        if (item != END) {
            return (List<Event>) item;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new HotlineException("parsing failed: " + failure, failure);
        }
        return null;
    }

    /** What the pipeline made of the input; valid once {@link #next} returned null. */
    Pipeline.Result result() {
        return result;
    }

    /** Stops waiting on either side: the task is being cancelled. */
    void cancel() {
        cancelled = true;
        queue.clear();
    }
}
