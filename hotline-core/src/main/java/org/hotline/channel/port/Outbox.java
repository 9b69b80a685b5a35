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
     * @param attempts    failed attempts so far, counting those not made because an attempt just
     *                    before, in the same pass, found the partner's node unavailable
     * @param nextAttempt not before this time
     * @param lastError   the last failure, or null
     */
    record Delivery(long id, String messageId, String concernId, String partner, int attempts,
                    Instant nextAttempt, String lastError) {}

    /**
     * Undelivered, not permanently failed entries due at {@code now}, oldest first, at most
     * {@code perPartner} of each partner. The cap is per partner, not overall, because partners are
     * delivered to independently: one partner's backlog must not crowd the others out of a pass.
     */
    List<Delivery> due(Instant now, int perPartner);

    /**
     * Marks an entry delivered. Like {@link #failed}, safe to call from several threads at once (the
     * outbox delivers to each partner on its own thread) and beside other processes on the database.
     */
    void delivered(long deliveryId, Instant at);

    /** Records a failed attempt: retry at {@code retryAt}, or never if {@code permanent}. */
    void failed(long deliveryId, Instant retryAt, String error, boolean permanent);

    /** True once the partner's node accepted the message. */
    boolean isDelivered(String messageId);

    /**
     * Records that the partner's node fetched these messages from this node's shared collection (a
     * pull, {@code hotline sync}): it may hold them now, though no push of them was ever accepted.
     * Ids that are not this node's messages queued for that partner are ignored.
     */
    void served(String partner, java.util.Collection<String> messageIds, Instant at);

    /**
     * True once the partner's node has the message as far as this node can tell: it accepted a push
     * of it, or fetched it in a pull. A fork may set aside only steps for which this is false.
     */
    boolean reachedPartner(String messageId);

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
