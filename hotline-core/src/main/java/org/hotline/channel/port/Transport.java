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

    /** A failed delivery; {@code permanent} when retrying cannot help (the partner refused the content). */
    class DeliveryException extends org.hotline.HotlineException {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public DeliveryException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
