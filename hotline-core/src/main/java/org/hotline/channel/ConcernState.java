package org.hotline.channel;

import java.util.Locale;

/**
 * Where a concern stands. The happy path is draft → sent → delivered → acknowledged → investigating
 * ⇄ awaiting-materials → answered → closed; rejected and withdrawn end it early. See
 * {@link ConcernLifecycle} for who may move it where.
 */
public enum ConcernState {
    /** Written but not sealed or sent; only the filer's node knows it. */
    DRAFT,
    /** Sealed and queued for the partner; not yet accepted by the partner's node. */
    SENT,
    /** The partner's node accepted it (on the partner's side: it arrived). */
    DELIVERED,
    /** The partner confirmed it has taken the concern up. */
    ACKNOWLEDGED,
    /** The partner is working on it. */
    INVESTIGATING,
    /** The partner asked the filer for more materials and waits for them. */
    AWAITING_MATERIALS,
    /** The partner responded with findings, actions and an outcome. */
    ANSWERED,
    /** The filer closed it after the response. */
    CLOSED,
    /** The partner declined it, with a reason. */
    REJECTED,
    /** The filer withdrew it, with a reason. */
    WITHDRAWN;

    public boolean isTerminal() {
        return this == CLOSED || this == REJECTED || this == WITHDRAWN;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConcernState parse(String id) {
        for (ConcernState s : values()) {
            if (s.id().equals(id) || s.name().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown concern state '" + id + "'");
    }
}
