package org.hotline.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How far in time the input has been read, for closing detector windows while reading.
 *
 * <p>Blocks are numbered in input order and finished by the workers in any order. Once every block
 * up to some number is finished, the latest event time among them is a time the input has
 * reached; a log is written in time order, so lines still to come are not older than that, give or
 * take the lateness allowed (a web server logs a request when it ends, with the time it began; two
 * processes share one syslog file). Windows that end before "latest minus lateness" are closed.
 * A line older than that is late: {@link Worker} counts it, and the report says how many there were.
 *
 * <p>Thread-safe: workers report finished blocks concurrently.
 */
final class Horizon {
    /** Lateness that keeps every window open to the end of the run. */
    static final long UNLIMITED = -1;

    private final long lateness;
    private long nextBlock;
    private long latest = Long.MIN_VALUE;
    /** Finished blocks beyond {@link #nextBlock}: number → their latest event time. */
    private final Map<Long, Long> waiting = new HashMap<>();
    private volatile long closedBefore = Long.MIN_VALUE;

    /** @param lateness millis a line may be older than the lines before it, or {@link #UNLIMITED} */
    Horizon(long lateness) {
        this.lateness = lateness;
    }

    /**
     * Block {@code block} is finished; {@code latestTime} is its latest event time, or
     * {@link Long#MIN_VALUE} when none of its events had one.
     */
    synchronized void finished(long block, long latestTime) {
        waiting.put(block, latestTime);
        for (Long t; (t = waiting.remove(nextBlock)) != null; nextBlock++) {
            latest = Math.max(latest, t);
        }
        if (lateness != UNLIMITED && latest != Long.MIN_VALUE && latest - lateness > closedBefore) {
            closedBefore = latest - lateness;
        }
        notifyAll();
    }

    /**
     * Waits until every block numbered below {@code block} is finished. A worker starting on a new
     * input calls this, so that it closes windows at the horizon all earlier inputs reached, as
     * every other worker will: then which lines of the new input are late depends on the input
     * alone, not on which worker was faster. The blocks waited for were taken before this one,
     * by workers not waiting for a later block, so the wait ends.
     *
     * @return false if {@code stop} said to give up (a worker failed)
     */
    synchronized boolean awaitFinishedBelow(long block, BooleanSupplier stop) throws InterruptedException {
        while (nextBlock < block) {
            if (stop.getAsBoolean()) {
                return false;
            }
            wait(100);
        }
        return true;
    }

    /** Windows that end at or before this time are closed; {@link Long#MIN_VALUE} while none is. */
    long closedBefore() {
        return closedBefore;
    }
}
