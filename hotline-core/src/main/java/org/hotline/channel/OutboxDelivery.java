package org.hotline.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * <p>Run it from one thread at a time (the node schedules it); a crash between a delivery and
 * marking it delivered only causes a duplicate delivery, which the partner applies as a no-op.
 */
public final class OutboxDelivery {
    private final ChannelRegistry channels;
    private final ConcernStore store;
    private final Outbox outbox;
    private final Transport transport;
    private final Clock clock;
    private final Duration base;
    private final Duration cap;

    public OutboxDelivery(ChannelRegistry channels, ConcernStore store, Outbox outbox, Transport transport,
                          Clock clock, Duration base, Duration cap) {
        this.channels = channels;
        this.store = store;
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.base = base;
        this.cap = cap;
    }

    /** Attempts every due delivery once; returns how many were delivered. */
    public int deliverDue(int limit) {
        int delivered = 0;
        for (Outbox.Delivery d : outbox.due(clock.instant(), limit)) {
            if (attempt(d)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Attempts the due deliveries of one concern only: what a command does after taking a step, so
     * the step reaches the partner at once without the command waiting on every other partner's
     * queue (a partner that never answers cost each command its timeouts); the node's loop
     * ({@link #deliverDue}) does the rest.
     */
    public int deliverConcern(String concernId) {
        Instant now = clock.instant();
        int delivered = 0;
        for (Outbox.Entry e : outbox.entries(concernId)) {
            if (e.state() == Outbox.State.PENDING && !e.delivery().nextAttempt().isAfter(now) && attempt(e.delivery())) {
                delivered++;
            }
        }
        return delivered;
    }

    /** One attempt at one entry; true if the partner's node accepted it. */
    private boolean attempt(Outbox.Delivery d) {
        List<Message> history = store.history(d.concernId());
        int upTo = indexOf(history, d.messageId());
        Channel channel = channels.channels().stream()
                .filter(c -> c.partner().id().equals(d.partner()) && c.id().equals(channelOf(history)))
                .findFirst().orElse(null);
        if (upTo < 0 || channel == null) {
            outbox.failed(d.id(), clock.instant(), "message or channel no longer here", true);
            return false;
        }
        try {
            transport.deliver(channel, history.subList(0, upTo + 1), d.attempts() + 1);
            outbox.delivered(d.id(), clock.instant());
            return true;
        } catch (Transport.DeliveryException e) {
            outbox.failed(d.id(), clock.instant().plus(backoff(d.attempts())), e.getMessage(), e.permanent());
            return false;
        }
    }

    Duration backoff(int attempts) {
        Duration d = base.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private static int indexOf(List<Message> history, String messageId) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    private static String channelOf(List<Message> history) {
        return history.isEmpty() ? null : ((MessageBody.Filing) history.get(0).body()).channelId();
    }

    /** Convenience for logs and `concern show`: when an entry will next be tried. */
    public static String describe(Outbox.Delivery d) {
        return d.messageId() + " to " + d.partner() + ": attempt " + (d.attempts() + 1) + " at " + d.nextAttempt()
                + (d.lastError() == null ? "" : " (last error: " + d.lastError() + ")");
    }

}
