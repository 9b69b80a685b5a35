package org.hotline.source;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When to stop following a file ({@link FollowedFile}): on request (the CLI asks on Ctrl-C or
 * SIGTERM) or once a time limit has passed, whichever comes first. Thread-safe: requested from a
 * signal handler, read by the pipeline's reader thread.
 */
public final class FollowStop {
    private final long deadlineNanos;
    private final Duration limit;
    private final String deadlineReason;
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FollowStop(long deadlineNanos, Duration limit, String deadlineReason) {
        this.deadlineNanos = deadlineNanos;
        this.limit = limit;
        this.deadlineReason = deadlineReason;
    }

    /** Follows until {@link #request} is called. */
    public static FollowStop onRequest() {
        return new FollowStop(Long.MAX_VALUE, null, null);
    }

    /**
     * Follows until {@code limit} has passed from now, or {@link #request} is called before.
     *
     * @param why what the report says when the limit ends it, e.g. "--follow-for 1h had passed"
     */
    public static FollowStop after(Duration limit, String why) {
        long nanos = limit.toNanos();
        long now = System.nanoTime();
        // Saturating: a limit of years must not wrap into the past.
        long deadline = nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
        return new FollowStop(deadline, limit, why);
    }

    /** The time limit, or null when only a request stops it. */
    public Duration limit() {
        return limit;
    }

    /** Asks the follower to stop; the first reason given is the one kept. Returns false if it was asked already. */
    public boolean request(String why) {
        boolean first = reason.compareAndSet(null, why);
        stopped.countDown();
        return first;
    }

    /** True once stopping was requested or the time limit passed. */
    public boolean requested() {
        if (reason.get() != null) {
            return true;
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
            request(deadlineReason);
            return true;
        }
        return false;
    }

    /** Why following stopped, or null while it goes on. */
    public String reason() {
        return requested() ? reason.get() : null;
    }

    /** Waits up to {@code millis} (less if the time limit comes first) or until stopping is requested. */
    void await(long millis) throws InterruptedException {
        long wait = TimeUnit.MILLISECONDS.toNanos(millis);
        if (deadlineNanos != Long.MAX_VALUE) {
            wait = Math.max(0, Math.min(wait, deadlineNanos - System.nanoTime()));
        }
        stopped.await(wait, TimeUnit.NANOSECONDS);
    }
}
