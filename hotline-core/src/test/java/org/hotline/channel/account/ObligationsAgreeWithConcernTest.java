package org.hotline.channel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.channel.account.History.RU;
import static org.hotline.channel.account.History.TERMS;
import static org.hotline.channel.account.History.US;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernLifecycle.Role;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Deadline;
import org.hotline.channel.Message;
import org.hotline.channel.SampleSteps;
import org.hotline.channel.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * The account and {@code concern list} must never disagree on what is owed: after every step of
 * many histories that wander through the whole lifecycle (each step one the lifecycle allows, by
 * either side, hours to days apart; a fixed seed), the obligation the account has open is exactly
 * the concern's own deadline: the same obligation, party and due time, or none.
 */
class ObligationsAgreeWithConcernTest {

    @Test
    void theOpenObligationIsTheConcernsDeadlineAfterEveryStep() {
        Random random = new Random(20211012);
        int checked = 0;
        for (int walk = 0; walk < 500; walk++) {
            History h = new History(RU, Duration.ZERO);
            ConcernState state = ConcernState.DELIVERED;
            Duration at = Duration.ZERO;
            for (int step = 0; step < 12 && !state.isTerminal(); step++) {
                List<MessageKind> kinds = new ArrayList<>();
                List<Role> roles = new ArrayList<>();
                for (Role role : Role.values()) {
                    for (MessageKind k : SampleSteps.sendable(state, role)) {
                        kinds.add(k);
                        roles.add(role);
                    }
                }
                int pick = random.nextInt(kinds.size());
                at = at.plus(Duration.ofHours(1 + random.nextInt(96)));
                h.then(roles.get(pick) == Role.FILER ? RU : US, at, SampleSteps.body(kinds.get(pick)));
                List<Message> messages = h.messages();
                Concern c = Concern.of(messages, true, TERMS);
                state = c.state();
                assertThat(owed(messages)).as("after %s", kinds(messages)).isEqualTo(c.deadline());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /**
     * What the account has open, as the concern's deadline: the first of acknowledge, provide materials
     * and respond that is neither met, lifted nor paused (before the acknowledgement the response is
     * owed too, but the concern shows what is due first).
     */
    private static Deadline owed(List<Message> messages) {
        List<Obligation> open = Obligations.of(messages, TERMS, messages.get(0).created()).stream()
                .filter(o -> o.outcome() == Obligation.Outcome.OPEN || o.outcome() == Obligation.Outcome.OVERDUE)
                .sorted(Comparator.comparing(o -> IN_FORCE.indexOf(o.kind()))).toList();
        return open.isEmpty() ? null : new Deadline(open.get(0).kind().label(), open.get(0).party(), open.get(0).due());
    }

    private static final List<Obligation.Kind> IN_FORCE = List.of(Obligation.Kind.ACKNOWLEDGE,
            Obligation.Kind.PROVIDE_MATERIALS, Obligation.Kind.RESPOND);

    private static List<String> kinds(List<Message> messages) {
        return messages.stream().map(m -> m.kind().id()).toList();
    }
}
