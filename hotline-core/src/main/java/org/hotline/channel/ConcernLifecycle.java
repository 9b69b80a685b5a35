package org.hotline.channel;

import static org.hotline.channel.ConcernState.ACKNOWLEDGED;
import static org.hotline.channel.ConcernState.ANSWERED;
import static org.hotline.channel.ConcernState.AWAITING_MATERIALS;
import static org.hotline.channel.ConcernState.CLOSED;
import static org.hotline.channel.ConcernState.DELIVERED;
import static org.hotline.channel.ConcernState.INVESTIGATING;
import static org.hotline.channel.ConcernState.REJECTED;
import static org.hotline.channel.ConcernState.SENT;
import static org.hotline.channel.ConcernState.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may take which step from which state: the whole lifecycle in one table. It follows RID
 * (RFC 6545: Request, Acknowledgement, Result) and RTIR's report/investigation queues
 * (CHANNEL-NOTES b.4). SENT and DELIVERED differ only in whether the partner's node has accepted the
 * filing yet; the partner can answer either.
 */
public final class ConcernLifecycle {

    /** The side of the concern the author of a message is on. */
    public enum Role { FILER, RECIPIENT }

    /** One allowed step: who, from which states, and where it leads (null: the state stays as it is). */
    private record Step(Role role, Set<ConcernState> from, ConcernState to) {}

    private static final Set<ConcernState> OPEN = EnumSet.of(SENT, DELIVERED, ACKNOWLEDGED, INVESTIGATING, AWAITING_MATERIALS);
    private static final Set<ConcernState> TAKEN_UP = EnumSet.of(ACKNOWLEDGED, INVESTIGATING, AWAITING_MATERIALS);

    private static final Map<MessageKind, Step> STEPS = Map.of(
            MessageKind.ACKNOWLEDGEMENT, new Step(Role.RECIPIENT, EnumSet.of(SENT, DELIVERED), ACKNOWLEDGED),
            MessageKind.STATUS_UPDATE, new Step(Role.RECIPIENT, TAKEN_UP, INVESTIGATING),
            MessageKind.MATERIALS_REQUEST, new Step(Role.RECIPIENT, TAKEN_UP, AWAITING_MATERIALS),
            MessageKind.MATERIALS_PROVIDED, new Step(Role.FILER, OPEN, null),
            MessageKind.RESPONSE, new Step(Role.RECIPIENT, TAKEN_UP, ANSWERED),
            MessageKind.CLOSURE, new Step(Role.FILER, EnumSet.of(ANSWERED), CLOSED),
            MessageKind.REJECTION, new Step(Role.RECIPIENT, OPEN, REJECTED),
            MessageKind.WITHDRAWAL, new Step(Role.FILER, EnumSet.of(SENT, DELIVERED, ACKNOWLEDGED, INVESTIGATING,
                    AWAITING_MATERIALS, ANSWERED), WITHDRAWN));

    private ConcernLifecycle() {}

    /**
     * The state after {@code kind} by {@code role} in {@code current}; refuses with a reason that
     * says when the step would be allowed.
     */
    public static ConcernState next(ConcernState current, MessageKind kind, Role role, String concernId) {
        if (kind == MessageKind.FILING) {
            throw new ChannelException(ChannelException.Reason.ILLEGAL_TRANSITION,
                    "concern " + concernId + " is already filed; a filing starts a new concern");
        }
        if (current.isTerminal() || current == ConcernState.DRAFT) {
            throw new ChannelException(ChannelException.Reason.ILLEGAL_TRANSITION, "cannot send " + article(kind)
                    + " for concern " + concernId + ": it is " + current.id()
                    + (current == ConcernState.DRAFT ? "; send it first" : "; nothing more can be sent"));
        }
        // A filer's status update is a note on the record; it changes nothing.
        if (kind == MessageKind.STATUS_UPDATE && role == Role.FILER) {
            return current;
        }
        Step step = STEPS.get(kind);
        if (step.role() != role) {
            throw new ChannelException(ChannelException.Reason.FORBIDDEN, "only the "
                    + step.role().name().toLowerCase(java.util.Locale.ROOT) + " of concern " + concernId
                    + " may send " + article(kind));
        }
        if (!step.from().contains(current)) {
            throw new ChannelException(ChannelException.Reason.ILLEGAL_TRANSITION, "cannot send " + article(kind)
                    + " for concern " + concernId + ": it is " + current.id() + "; " + article(kind) + " is allowed when it is "
                    + names(step.from()));
        }
        if (kind == MessageKind.MATERIALS_PROVIDED && current == AWAITING_MATERIALS) {
            return INVESTIGATING;
        }
        return step.to() == null ? current : step.to();
    }

    /** The kinds {@code role} may send in {@code state}: what `concern show` offers next. */
    public static List<MessageKind> allowed(ConcernState state, Role role) {
        List<MessageKind> kinds = new java.util.ArrayList<>(STEPS.entrySet().stream()
                .filter(e -> e.getValue().role() == role && e.getValue().from().contains(state))
                .map(Map.Entry::getKey).sorted().toList());
        // The filer's status note, which next() takes in any open state (it moves nothing), last.
        if (role == Role.FILER && !state.isTerminal() && state != ConcernState.DRAFT) {
            kinds.add(MessageKind.STATUS_UPDATE);
        }
        return List.copyOf(kinds);
    }

    private static String article(MessageKind kind) {
        return ("aeiou".indexOf(kind.id().charAt(0)) >= 0 ? "an " : "a ") + kind.id();
    }

    private static String names(Set<ConcernState> states) {
        return states.stream().sorted().map(ConcernState::id).collect(Collectors.joining(" or "));
    }
}
