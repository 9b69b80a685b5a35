package org.hotline.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.channel.ConcernLifecycle.Role;

/**
 * A concern as it stands: the filing's fields, the state its history leads to, and what is owed next.
 * Always derived from the signed history (never stored beside it), so the two cannot disagree.
 *
 * @param deadline what is owed next, or null in a terminal or answered state
 */
public record Concern(String id, String channelId, String filer, String recipient, ConcernKind kind,
                      String summary, String description, Severity severity, Tlp tlp, Materials materials,
                      Instant filed, Instant updated, ConcernState state, Deadline deadline, List<Message> history) {

    public Concern {
        history = List.copyOf(history);
    }

    /**
     * Folds a history into a concern.
     *
     * @param filingDelivered whether the partner's node has accepted the filing (always true on the
     *                        recipient's side); decides SENT versus DELIVERED
     * @throws ChannelException if the history breaks the lifecycle
     */
    public static Concern of(List<Message> history, boolean filingDelivered, ChannelTerms terms) {
        if (history.isEmpty() || !(history.get(0).body() instanceof MessageBody.Filing filing)) {
            throw new ChannelException(ChannelException.Reason.INVALID, "a concern's history starts with its filing");
        }
        Message first = history.get(0);
        // Anything the recipient wrote proves the filing reached it; the filer's own notes do not.
        boolean reached = filingDelivered || history.stream().anyMatch(m -> m.author().equals(filing.recipient()));
        ConcernState state = !first.isSealed() ? ConcernState.DRAFT : reached ? ConcernState.DELIVERED : ConcernState.SENT;
        Duration paused = Duration.ZERO;
        Instant pausedSince = null;
        // Each request asks for something new, so the filer's clock runs from the latest one; the
        // recipient's pause runs from the first, until the wait ends.
        Instant lastAsked = null;
        for (Message m : history.subList(1, history.size())) {
            Role role = roleOf(m.author(), first.author(), filing.recipient(), first.id());
            ConcernState next = ConcernLifecycle.next(state, m.kind(), role, first.id());
            if (m.kind() == MessageKind.MATERIALS_REQUEST) {
                lastAsked = m.created();
            }
            if (next == ConcernState.AWAITING_MATERIALS && state != ConcernState.AWAITING_MATERIALS) {
                pausedSince = m.created();
            } else if (state == ConcernState.AWAITING_MATERIALS && next != ConcernState.AWAITING_MATERIALS) {
                paused = paused.plus(Duration.between(pausedSince, m.created()));
            }
            state = next;
        }
        Message last = history.get(history.size() - 1);
        Deadline deadline = deadline(state, first, filing, terms, paused, lastAsked);
        return new Concern(first.id(), filing.channelId(), first.author(), filing.recipient(), filing.kind(),
                filing.summary(), filing.description(), filing.severity(), filing.tlp(), filing.materials(),
                first.created(), last.created(), state, deadline, history);
    }

    public static Role roleOf(String author, String filer, String recipient, String concernId) {
        if (author.equals(filer)) {
            return Role.FILER;
        }
        if (author.equals(recipient)) {
            return Role.RECIPIENT;
        }
        throw new ChannelException(ChannelException.Reason.FORBIDDEN,
                author + " is neither the filer nor the recipient of concern " + concernId);
    }

    /**
     * The clock that runs in each state: acknowledgement from filing; first response from filing,
     * paused while the filer is asked for materials (as an SLA pauses while waiting on the requester);
     * materials from the latest request.
     */
    private static Deadline deadline(ConcernState state, Message first, MessageBody.Filing filing,
                                     ChannelTerms terms, Duration paused, Instant lastAsked) {
        return switch (state) {
            case SENT, DELIVERED -> new Deadline("acknowledge", filing.recipient(), first.created().plus(terms.acknowledgeWithin()));
            case ACKNOWLEDGED, INVESTIGATING -> new Deadline("respond", filing.recipient(),
                    first.created().plus(terms.respondWithin()).plus(paused));
            case AWAITING_MATERIALS -> new Deadline("provide materials", first.author(), lastAsked.plus(terms.materialsWithin()));
            default -> null;
        };
    }

    public boolean isOverdue(Instant now) {
        return deadline != null && deadline.isOverdue(now);
    }

    public Message filing() {
        return history.get(0);
    }

    public Message last() {
        return history.get(history.size() - 1);
    }
}
