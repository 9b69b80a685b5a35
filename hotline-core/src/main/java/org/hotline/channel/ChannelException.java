package org.hotline.channel;

import org.hotline.HotlineException;

/**
 * A refused channel action, with a reason a caller can map to a CLI error or an HTTP status and a
 * message a person can act on: "cannot acknowledge concern incident--…: it is answered; acknowledge
 * is allowed when it is sent or delivered".
 */
public class ChannelException extends HotlineException {
    private static final long serialVersionUID = 1L;

    /** Why an action or an incoming object was refused. */
    public enum Reason {
        /** Malformed input: a bad id, a missing field, an unknown kind. */
        INVALID,
        /** No such channel, concern or party here. */
        NOT_FOUND,
        /** The actor is not a party of the channel, or not the party allowed to take this step. */
        FORBIDDEN,
        /** The signature does not verify with the author's key: tampered or forged. */
        BAD_SIGNATURE,
        /** The message does not continue the concern's history: out of order, or another append got in first. */
        BROKEN_CHAIN,
        /**
         * The message forks the concern and lost: it follows a message after which this node holds a
         * step of its own that stands by {@link Forks}. It can never be taken; its author's node sets
         * it aside when our step reaches it.
         */
        DIVERGED,
        /** An object with this id and version exists with different content. */
        CONFLICT,
        /** The lifecycle does not allow this step in the concern's current state. */
        ILLEGAL_TRANSITION,
        /** The channel's terms do not allow this TLP level or kind of concern. */
        NOT_ALLOWED_BY_TERMS
    }

    private final Reason reason;

    public ChannelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
