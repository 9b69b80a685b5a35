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
 * Delivers one partner's due outbox entries, one at a time in the order given (oldest first), and
 * records each outcome: delivered, failed for good, or failed with the entry's next attempt backed
 * off (base × 2^attempts, capped).
 *
 * <p>Order: each delivery carries the concern's history up to its message, so a partner always gets
 * a concern's messages in order, even when a later entry goes before an earlier one that is still
 * backing off (the earlier one, delivered after, is a duplicate the partner applies as a no-op).
 * Going one at a time keeps two deliveries of one concern from racing each other to the partner.
 *
 * <p>Once an attempt finds the partner's node unavailable
 * ({@link Transport.DeliveryException#partnerUnavailable}: no answer, overloaded), the remaining
 * entries are recorded as failed for the same reason without being tried: trying them would cost
 * each a full timeout against a node that is not answering. Their attempts count up and they back
 * off as if tried, so a node that is down is tried once per backoff period, not once per entry,
 * and not again on every pass (had the untried entries stayed due, the next pass would try the next
 * one, costing a timeout every few seconds for as long as the node is down). A failure of one entry
 * only (refused content, a 409 on one concern) does not stop the others.
 *
 * <p>Hazard: an entry whose own delivery times out (an envelope the partner takes longer than the
 * request timeout to take in) looks like an unavailable node, and while it is due the entries after
 * it in the lane wait with it. Envelopes are capped in size, which makes this unlikely.
 */
final class PartnerLane {
    private final ChannelRegistry channels;
    private final ConcernStore store;
    private final Outbox outbox;
    private final Transport transport;
    private final Clock clock;
    private final Duration base;
    private final Duration cap;

    PartnerLane(ChannelRegistry channels, ConcernStore store, Outbox outbox, Transport transport, Clock clock,
                Duration base, Duration cap) {
        this.channels = channels;
        this.store = store;
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.base = base;
        this.cap = cap;
    }

    /** Delivers {@code due}, entries to one partner, in order; returns how many the partner's node accepted. */
    int deliver(List<Outbox.Delivery> due) {
        int delivered = 0;
        Transport.DeliveryException unavailable = null;
        for (Outbox.Delivery d : due) {
            if (unavailable != null) {
                outbox.failed(d.id(), retryAt(d), "not tried: the attempt before it found the partner's node unavailable: "
                        + unavailable.getMessage(), false);
                continue;
            }
            try {
                attempt(d);
                delivered++;
            } catch (Transport.DeliveryException e) {
                outbox.failed(d.id(), retryAt(d), e.getMessage(), e.permanent());
                if (e.partnerUnavailable()) {
                    unavailable = e;
                }
            }
        }
        return delivered;
    }

    /** One attempt at one entry; returns once the partner's node accepted it and it is marked delivered. */
    private void attempt(Outbox.Delivery d) {
        List<Message> history = store.history(d.concernId());
        int upTo = indexOf(history, d.messageId());
        Channel channel = channels.channels().stream()
                .filter(c -> c.partner().id().equals(d.partner()) && c.id().equals(channelOf(history)))
                .findFirst().orElse(null);
        if (upTo < 0 || channel == null) {
            throw new Transport.DeliveryException("message or channel no longer here", true, null);
        }
        transport.deliver(channel, history.subList(0, upTo + 1), d.attempts() + 1);
        outbox.delivered(d.id(), clock.instant());
    }

    private Instant retryAt(Outbox.Delivery d) {
        return clock.instant().plus(backoff(d.attempts()));
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
}
