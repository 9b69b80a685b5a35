package org.hotline.channel.port;

import java.time.Instant;
import java.util.List;

/**
 * Messages queued for a partner until its node has accepted them: at-least-once delivery that
 * survives restarts. Entries are created by {@link ConcernStore#append} in the same transaction as
 * the message.
 */
public interface Outbox {

    /**
     * One queued message.
     *
     * @param attempts    failed attempts so far
     * @param nextAttempt not before this time
     * @param lastError   the last failure, or null
     */
    record Delivery(long id, String messageId, String concernId, String partner, int attempts,
                    Instant nextAttempt, String lastError) {}

    /** Undelivered, not permanently failed entries due at {@code now}, oldest first. */
    List<Delivery> due(Instant now, int limit);

    void delivered(long deliveryId, Instant at);

    /** Records a failed attempt: retry at {@code retryAt}, or never if {@code permanent}. */
    void failed(long deliveryId, Instant retryAt, String error, boolean permanent);

    /** True once the partner's node accepted the message. */
    boolean isDelivered(String messageId);

    /** Where an entry stands. */
    enum State { PENDING, DELIVERED, FAILED }

    /**
     * An entry whatever its state, as {@code concern show} reports it ("delivery to US-CERT: attempt 3
     * failed: connection refused; next try at ...").
     *
     * @param deliveredAt when the partner's node accepted it, or null
     */
    record Entry(Delivery delivery, State state, Instant deliveredAt) {}

    /** Every entry of a concern, oldest first, whatever its state. */
    List<Entry> entries(String concernId);
}
