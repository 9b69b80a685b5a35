package org.hotline.channel.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernLifecycle;
import org.hotline.channel.ConcernLifecycle.Role;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.MessageKind;

/**
 * Every obligation a concern's signed history created, and what became of each: replayed step by
 * step through the lifecycle, with the clocks {@link org.hotline.channel.Concern} runs for its
 * current deadline (acknowledge from the filing; respond from the filing, paused while the filer is
 * asked for materials; materials from the latest request). A rejection answers a concern: it meets
 * both the acknowledgement and the response still owed. Only signed times are used, so both parties
 * get the same answer from the same history.
 */
public final class Obligations {
    private Obligations() {}

    /** The obligations of a sealed concern's history as of {@code now}, in the order they arose. */
    public static List<Obligation> of(List<Message> history, ChannelTerms terms, Instant now) {
        Message first = history.get(0);
        MessageBody.Filing filing = (MessageBody.Filing) first.body();
        String filer = first.author();
        String recipient = filing.recipient();
        Instant filed = first.created();
        List<Obligation> done = new ArrayList<>();

        Instant ackMet = null;
        boolean ackLifted = false;
        Instant answered = null;
        boolean answerLifted = false;
        Duration paused = Duration.ZERO;
        Instant pausedSince = null;
        Instant asked = null;            // the open request for materials, if any
        Instant respondDueAtAnswer = null;
        ConcernState state = ConcernState.DELIVERED;
        for (Message m : history.subList(1, history.size())) {
            Role role = m.author().equals(filer) ? Role.FILER : Role.RECIPIENT;
            ConcernState next = ConcernLifecycle.next(state, m.kind(), role, first.id());
            Instant t = m.created();
            MessageKind kind = m.kind();
            if (ackMet == null && !ackLifted) {
                if (role == Role.RECIPIENT) {
                    ackMet = t;
                } else if (kind == MessageKind.WITHDRAWAL) {
                    ackLifted = true;
                }
            }
            // Materials are owed exactly while the concern awaits them: provided, they are met; any other
            // way out of that state (the recipient's status update or response, a rejection, a withdrawal)
            // lifts them, and a new request replaces the one before.
            if (asked != null && (next != ConcernState.AWAITING_MATERIALS || kind == MessageKind.MATERIALS_REQUEST)) {
                Instant due = asked.plus(terms.materialsWithin());
                boolean met = kind == MessageKind.MATERIALS_PROVIDED;
                done.add(new Obligation(first.id(), Obligation.Kind.PROVIDE_MATERIALS, filer, asked, due, met ? t : null,
                        met ? (t.isAfter(due) ? Obligation.Outcome.LATE : Obligation.Outcome.ON_TIME) : Obligation.Outcome.LIFTED));
                asked = null;
            }
            if (kind == MessageKind.MATERIALS_REQUEST) {
                asked = t;
            }
            if (answered == null && !answerLifted) {
                if (kind == MessageKind.RESPONSE || kind == MessageKind.REJECTION) {
                    answered = t;
                    Duration pausedNow = pausedSince == null ? paused : paused.plus(Duration.between(pausedSince, t));
                    respondDueAtAnswer = filed.plus(terms.respondWithin()).plus(pausedNow);
                } else if (kind == MessageKind.WITHDRAWAL) {
                    answerLifted = true;
                }
            }
            if (next == ConcernState.AWAITING_MATERIALS && state != ConcernState.AWAITING_MATERIALS) {
                pausedSince = t;
            } else if (state == ConcernState.AWAITING_MATERIALS && next != ConcernState.AWAITING_MATERIALS) {
                paused = paused.plus(Duration.between(pausedSince, t));
                pausedSince = null;
            }
            state = next;
        }

        List<Obligation> out = new ArrayList<>();
        Instant ackDue = filed.plus(terms.acknowledgeWithin());
        out.add(new Obligation(first.id(), Obligation.Kind.ACKNOWLEDGE, recipient, filed, ackDue, ackMet,
                outcome(ackMet, ackLifted, ackDue, now)));
        if (answered != null || answerLifted) {
            out.add(new Obligation(first.id(), Obligation.Kind.RESPOND, recipient, filed,
                    answered != null ? respondDueAtAnswer : null, answered, outcome(answered, answerLifted, respondDueAtAnswer, now)));
        } else if (pausedSince != null) {
            out.add(new Obligation(first.id(), Obligation.Kind.RESPOND, recipient, filed, null, null, Obligation.Outcome.PAUSED));
        } else {
            Instant due = filed.plus(terms.respondWithin()).plus(paused);
            out.add(new Obligation(first.id(), Obligation.Kind.RESPOND, recipient, filed, due, null, outcome(null, false, due, now)));
        }
        out.addAll(done);
        if (asked != null) {
            Instant due = asked.plus(terms.materialsWithin());
            out.add(new Obligation(first.id(), Obligation.Kind.PROVIDE_MATERIALS, filer, asked, due, null, outcome(null, false, due, now)));
        }
        return out;
    }

    private static Obligation.Outcome outcome(Instant met, boolean lifted, Instant due, Instant now) {
        if (met != null) {
            return met.isAfter(due) ? Obligation.Outcome.LATE : Obligation.Outcome.ON_TIME;
        }
        if (lifted) {
            return Obligation.Outcome.LIFTED;
        }
        return now.isAfter(due) ? Obligation.Outcome.OVERDUE : Obligation.Outcome.OPEN;
    }
}
