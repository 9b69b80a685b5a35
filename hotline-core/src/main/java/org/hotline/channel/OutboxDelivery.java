package org.hotline.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Transport;

/**
 * Drains the outbox: delivers each due message's history to its partner, marks it delivered once the
 * partner's node accepted it, and otherwise retries with exponential backoff (base × 2^attempts, capped).
 * A permanent refusal (the partner's node rejected the content) stops the retries and stays visible
 * in the entry's last error.
 *
 * <p>Partners are independent: each partner's due entries form a lane ({@link PartnerLane}), and the
 * lanes run side by side on the executor given, so a partner that accepts connections and never
 * answers costs its own messages their timeouts, not everyone's. Within a lane entries go one at a
 * time, oldest first, which keeps a concern's messages in order; a lane that finds the partner's node
 * unavailable records the rest of its entries as failed without trying them.
 *
 * <p>Thread-safety: safe to call from several threads. Passes started by this instance run at most
 * one lane per partner at a time: a partner whose lane is still running is left out of a later pass
 * rather than given a second lane. {@link #deliverConcern} runs outside that bookkeeping (a command's
 * process has no lanes), and another process (a command next to {@code serve}) may deliver the same
 * entry at the same time: at worst a duplicate, which the partner applies as a no-op, as it does
 * after a crash between a delivery and marking it delivered.
 */
public final class OutboxDelivery {
    private final PartnerLane lane;
    private final Outbox outbox;
    private final Clock clock;
    private final Executor lanes;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** A partner's lane, started: completes with how many of its messages the partner's node accepted. */
    public record Lane(String partner, CompletableFuture<Integer> delivered) {}

    /**
     * @param lanes runs the partners' lanes; with a thread per partner they are independent, with
     *              {@code Runnable::run} they run one after another on the caller's thread
     */
    public OutboxDelivery(ChannelRegistry channels, ConcernStore store, Outbox outbox, Transport transport,
                          Clock clock, Duration base, Duration cap, Executor lanes) {
        this.lane = new PartnerLane(channels, store, outbox, transport, clock, base, cap);
        this.outbox = outbox;
        this.clock = clock;
        this.lanes = lanes;
    }

    /**
     * One pass: attempts every due delivery once (at most {@code perPartner} of each partner), the
     * partners side by side (those the executor takes), and waits for them; returns how many were
     * delivered. If a lane failed (the database, not a delivery), throws its error once every other
     * lane has finished.
     */
    public int deliverDue(int perPartner) {
        int delivered = 0;
        RuntimeException failure = null;
        for (Lane l : startDue(perPartner)) {
            try {
                delivered += l.delivered().join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return delivered;
    }

    /**
     * Starts a lane for each partner with due deliveries whose lane is not still running from an
     * earlier pass, and returns at once: what the node's loop calls every few seconds, so a partner
     * that hangs holds up only its own lane while the others are served on every tick. A partner
     * whose lane the executor refuses (every thread it may have is busy, or it is shut down) is left
     * for a later pass, rather than queued behind lanes that may be waiting out timeouts.
     */
    public List<Lane> startDue(int perPartner) {
        Map<String, List<Outbox.Delivery>> byPartner = new LinkedHashMap<>();
        for (Outbox.Delivery d : outbox.due(clock.instant(), perPartner)) {
            byPartner.computeIfAbsent(d.partner(), p -> new ArrayList<>()).add(d);
        }
        List<Lane> started = new ArrayList<>();
        byPartner.forEach((partner, due) -> {
            if (!running.add(partner)) {
                return;
            }
            try {
                // The lane clears its mark itself, before its future completes: a caller that joined
                // it and starts the next pass at once must find the partner free.
                started.add(new Lane(partner, CompletableFuture.supplyAsync(() -> {
                    try {
                        return lane.deliver(due);
                    } finally {
                        running.remove(partner);
                    }
                }, lanes)));
            } catch (RejectedExecutionException e) {
                running.remove(partner);
            }
        });
        return started;
    }

    /**
     * Attempts the due deliveries of one concern only, on the caller's thread: what a command does
     * after taking a step, so the step reaches the partner at once without the command waiting on
     * every other partner's queue (a partner that never answers cost each command its timeouts); the
     * node's loop ({@link #startDue}) does the rest. A concern has one partner, so this is one lane.
     */
    public int deliverConcern(String concernId) {
        Instant now = clock.instant();
        List<Outbox.Delivery> due = outbox.entries(concernId).stream()
                .filter(e -> e.state() == Outbox.State.PENDING && !e.delivery().nextAttempt().isAfter(now))
                .map(Outbox.Entry::delivery).toList();
        return lane.deliver(due);
    }

    /** Convenience for logs and `concern show`: when an entry will next be tried. */
    public static String describe(Outbox.Delivery d) {
        return d.messageId() + " to " + d.partner() + ": attempt " + (d.attempts() + 1) + " at " + d.nextAttempt()
                + (d.lastError() == null ? "" : " (last error: " + d.lastError() + ")");
    }
}
