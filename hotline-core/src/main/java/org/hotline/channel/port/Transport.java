package org.hotline.channel.port;

import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.Message;

/**
 * Carries a concern's history to the partner's node. Sending the whole (short) history rather than
 * the newest message makes delivery self-healing: a partner that missed an earlier message gets it
 * again, and one that had it applies it as a duplicate.
 */
public interface Transport {

    /**
     * Delivers {@code history} (every message up to the one being delivered) to {@code channel}'s
     * partner; returns only when the partner's node has durably accepted all of it.
     *
     * @throws DeliveryException naming the partner, the attempt's HTTP status and cause
     */
    void deliver(Channel channel, List<Message> history);

    /**
     * As {@link #deliver(Channel, List)}, told which attempt this is (1 for the first), so a failure can
     * say "attempt 3" (the outbox counts attempts across restarts; a transport cannot). Transports that
     * report attempts override this; the default ignores the number.
     */
    default void deliver(Channel channel, List<Message> history, int attempt) {
        deliver(channel, history);
    }

    /**
     * A failed delivery: {@code permanent} when retrying cannot help (the partner refused the content);
     * {@link #partnerUnavailable} when the failure is the partner's node's rather than this message's.
     */
    class DeliveryException extends org.hotline.HotlineException {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;
        private final boolean partnerUnavailable;

        /** A failure of this delivery (this message, this concern): the partner's other messages may fare better. */
        public DeliveryException(String message, boolean permanent, Throwable cause) {
            this(message, permanent, false, cause);
        }

        private DeliveryException(String message, boolean permanent, boolean partnerUnavailable, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
            this.partnerUnavailable = partnerUnavailable;
        }

        /**
         * A retryable failure that says nothing about the message: the partner's node did not answer,
         * or answered that it takes nothing just now. Any other delivery to it would fail the same way
         * at present, so the outbox does not try its other messages in the same pass (each try of a
         * node that never answers costs a full timeout).
         *
         * <p>Only for what holds for the whole node: a refusal of this envelope (a 409 for a concern
         * the partner is behind on, a 500 its content causes) must stay a plain retryable failure,
         * or one such message would hold back every other message to that partner whenever it is due.
         */
        public static DeliveryException partnerUnavailable(String message, Throwable cause) {
            return new DeliveryException(message, false, true, cause);
        }

        public boolean permanent() {
            return permanent;
        }

        /** See {@link #partnerUnavailable(String, Throwable)}; never true of a permanent failure. */
        public boolean partnerUnavailable() {
            return partnerUnavailable;
        }
    }
}
