package org.hotline.channel.port;

import java.time.Instant;
import java.util.List;
import org.hotline.channel.Message;

/**
 * The append-only histories of concerns; the one exception is a fork settled against this node, which
 * moves its own steps that the partner never took out of the history, into {@link #superseded} (kept,
 * never deleted: they were signed). Implementations must make {@link #append} atomic and durable:
 * once it returns, the message (and its outbox entry) survives a crash or {@code kill -9}, because the
 * partner may already have been told it was accepted.
 */
public interface ConcernStore {

    /** The concern's messages in order; empty if the concern is unknown here. */
    List<Message> history(String concernId);

    /**
     * Appends a message to its concern, in one transaction with queueing it for delivery.
     *
     * <ul>
     *   <li>The concern's current head hash (SHA-256 of its last sealed message, see
     *       {@link org.hotline.channel.Seal#hash}) must equal {@code message.previousHash()} — null for
     *       a filing — else {@link org.hotline.channel.ChannelException.Reason#BROKEN_CHAIN}: another
     *       message got in first.</li>
     *   <li>A message whose id is already stored with identical content is a no-op: returns false.
     *       With different content: {@link org.hotline.channel.ChannelException.Reason#CONFLICT}.</li>
     *   <li>A sealed filing replaces the unsealed draft with the same id (sending a draft).</li>
     * </ul>
     *
     * @param deliverTo party id to queue the message for (see {@link Outbox}), or null for a message
     *                  that arrived from the partner or a draft
     * @return true if stored, false if it was already there
     */
    boolean append(Message message, String deliverTo);

    /**
     * Settles a fork in favour of a partner's message ({@link org.hotline.channel.Forks}): this node's
     * own last steps, {@code setAside}, leave the history for the concern's superseded steps, their
     * deliveries stop, and {@code winner} takes their place after the message they followed; one
     * transaction. {@code setAside} must be exactly the history's tail and {@code winner} must follow
     * the message before it, else {@link org.hotline.channel.ChannelException.Reason#BROKEN_CHAIN}
     * (another append got in first).
     */
    void appendInstead(Message winner, List<Message> setAside);

    /**
     * A step this node took and set aside when a fork was settled against it.
     *
     * @param by the partner's message that stands in its place
     * @param at when it was set aside here
     */
    record Superseded(Message message, String by, Instant at) {}

    /** The concern's steps set aside by forks, in the order they were taken; empty for most. */
    List<Superseded> superseded(String concernId);

    /** Ids of all concerns known here, most recently updated first. */
    List<String> concernIds();
}
