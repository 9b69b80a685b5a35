package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.ConcernLifecycle.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcernLifecycleTest {
    private final TwoParties p = new TwoParties();

    @ParameterizedTest(name = "{0} + {1} by {2} -> {3}")
    @CsvSource({
            "SENT, ACKNOWLEDGEMENT, RECIPIENT, ACKNOWLEDGED",
            "DELIVERED, ACKNOWLEDGEMENT, RECIPIENT, ACKNOWLEDGED",
            "ACKNOWLEDGED, STATUS_UPDATE, RECIPIENT, INVESTIGATING",
            "INVESTIGATING, MATERIALS_REQUEST, RECIPIENT, AWAITING_MATERIALS",
            "AWAITING_MATERIALS, MATERIALS_PROVIDED, FILER, INVESTIGATING",
            "INVESTIGATING, MATERIALS_PROVIDED, FILER, INVESTIGATING",
            "AWAITING_MATERIALS, RESPONSE, RECIPIENT, ANSWERED",
            "INVESTIGATING, RESPONSE, RECIPIENT, ANSWERED",
            "ANSWERED, CLOSURE, FILER, CLOSED",
            "DELIVERED, REJECTION, RECIPIENT, REJECTED",
            "ANSWERED, WITHDRAWAL, FILER, WITHDRAWN",
            "INVESTIGATING, STATUS_UPDATE, FILER, INVESTIGATING",
            "ANSWERED, STATUS_UPDATE, FILER, ANSWERED",
    })
    void allowedSteps(ConcernState from, MessageKind kind, Role role, ConcernState to) {
        assertThat(ConcernLifecycle.next(from, kind, role, "incident--x")).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} + {1} by {2} refused: {3}")
    @CsvSource({
            "ANSWERED, ACKNOWLEDGEMENT, RECIPIENT, ILLEGAL_TRANSITION",
            "DELIVERED, RESPONSE, RECIPIENT, ILLEGAL_TRANSITION",
            "INVESTIGATING, CLOSURE, FILER, ILLEGAL_TRANSITION",
            "CLOSED, WITHDRAWAL, FILER, ILLEGAL_TRANSITION",
            "REJECTED, STATUS_UPDATE, FILER, ILLEGAL_TRANSITION",
            "DELIVERED, ACKNOWLEDGEMENT, FILER, FORBIDDEN",
            "ANSWERED, CLOSURE, RECIPIENT, FORBIDDEN",
            "INVESTIGATING, RESPONSE, FILER, FORBIDDEN",
    })
    void refusedSteps(ConcernState from, MessageKind kind, Role role, ChannelException.Reason reason) {
        assertThatThrownBy(() -> ConcernLifecycle.next(from, kind, role, "incident--x"))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** What a node offers as the next steps ({@code concern show}) is exactly what next() would take. */
    @Test
    void theStepsOfferedAreExactlyTheStepsTaken() {
        for (ConcernState state : ConcernState.values()) {
            for (Role role : Role.values()) {
                List<MessageKind> taken = new ArrayList<>();
                for (MessageKind kind : MessageKind.values()) {
                    try {
                        ConcernLifecycle.next(state, kind, role, "incident--x");
                        taken.add(kind);
                    } catch (ChannelException refused) {
                        // not a step for this side here
                    }
                }
                assertThat(ConcernLifecycle.allowed(state, role)).as("%s by %s", state, role).containsExactlyInAnyOrderElementsOf(taken);
            }
        }
        assertThat(ConcernLifecycle.allowed(ConcernState.INVESTIGATING, Role.FILER))
                .containsExactly(MessageKind.MATERIALS_PROVIDED, MessageKind.WITHDRAWAL, MessageKind.STATUS_UPDATE);
    }

    @Test
    void refusalSaysWhenTheStepWouldBeAllowed() {
        assertThatThrownBy(() -> ConcernLifecycle.next(ConcernState.ANSWERED, MessageKind.ACKNOWLEDGEMENT, Role.RECIPIENT, "incident--x"))
                .hasMessage("cannot send an acknowledgement for concern incident--x: it is answered; an acknowledgement "
                        + "is allowed when it is sent or delivered");
    }

    @Test
    void deadlinesFollowTheStateAndPauseWhileMaterialsAreAwaited() {
        ChannelTerms terms = ChannelTerms.defaults();
        List<Message> h = new ArrayList<>();
        h.add(p.filing());
        Instant filed = h.get(0).created();
        Concern sent = Concern.of(h, false, terms);
        assertThat(sent.state()).isEqualTo(ConcernState.SENT);
        assertThat(sent.deadline()).isEqualTo(new Deadline("acknowledge", p.us.id(), filed.plus(Duration.ofHours(24))));
        assertThat(Concern.of(h, true, terms).state()).isEqualTo(ConcernState.DELIVERED);
        // The filer's own note does not prove delivery; the recipient's acknowledgement does.
        List<Message> withNote = new ArrayList<>(h);
        withNote.add(p.next(withNote, p.ru, new MessageBody.StatusUpdate("more to follow")));
        assertThat(Concern.of(withNote, false, terms).state()).isEqualTo(ConcernState.SENT);

        h.add(p.next(h, p.us, new MessageBody.Acknowledgement(null)));
        h.add(p.next(h, p.us, new MessageBody.MaterialsRequest("more logs")));
        Instant asked = h.get(2).created();
        Concern waiting = Concern.of(h, true, terms);
        assertThat(waiting.state()).isEqualTo(ConcernState.AWAITING_MATERIALS);
        assertThat(waiting.deadline()).isEqualTo(new Deadline("provide materials", p.ru.id(), asked.plus(Duration.ofDays(7))));

        p.clock = p.clock.plus(Duration.ofDays(2));
        h.add(p.next(h, p.ru, new MessageBody.MaterialsProvided(null, p.materials())));
        Duration paused = Duration.between(asked, h.get(3).created());
        Concern back = Concern.of(h, true, terms);
        assertThat(back.state()).isEqualTo(ConcernState.INVESTIGATING);
        assertThat(back.deadline()).isEqualTo(new Deadline("respond", p.us.id(), filed.plus(Duration.ofDays(7)).plus(paused)));
        assertThat(back.isOverdue(filed.plus(Duration.ofDays(8)))).isFalse();
        assertThat(back.isOverdue(filed.plus(Duration.ofDays(10)))).isTrue();

        h.add(p.next(h, p.us, new MessageBody.Response("found it", List.of(), MessageBody.Outcome.SOURCE_IDENTIFIED)));
        assertThat(Concern.of(h, true, terms).deadline()).isNull();
    }

    @Test
    void aFurtherRequestForMaterialsRestartsTheFilersClockButNotThePause() {
        ChannelTerms terms = ChannelTerms.defaults();
        List<Message> h = new ArrayList<>();
        h.add(p.filing());
        Instant filed = h.get(0).created();
        h.add(p.next(h, p.us, new MessageBody.Acknowledgement(null)));
        h.add(p.next(h, p.us, new MessageBody.MaterialsRequest("auth.log lines")));
        Instant firstAsked = h.get(2).created();
        p.clock = p.clock.plus(Duration.ofDays(5));
        // A second request while the first is still open asks for something new: the filer gets the
        // channel's full time for it, not what was left of the first request's.
        h.add(p.next(h, p.us, new MessageBody.MaterialsRequest("and the firewall log")));
        Instant secondAsked = h.get(3).created();
        Concern waiting = Concern.of(h, true, terms);
        assertThat(waiting.state()).isEqualTo(ConcernState.AWAITING_MATERIALS);
        assertThat(waiting.deadline()).isEqualTo(new Deadline("provide materials", p.ru.id(), secondAsked.plus(Duration.ofDays(7))));
        assertThat(waiting.isOverdue(firstAsked.plus(Duration.ofDays(8)))).isFalse();

        // The recipient's clock stays paused from the first request on.
        p.clock = p.clock.plus(Duration.ofDays(1));
        h.add(p.next(h, p.ru, new MessageBody.MaterialsProvided(null, p.materials())));
        Duration paused = Duration.between(firstAsked, h.get(4).created());
        assertThat(Concern.of(h, true, terms).deadline())
                .isEqualTo(new Deadline("respond", p.us.id(), filed.plus(Duration.ofDays(7)).plus(paused)));
    }

    @Test
    void aThirdPartyCannotWriteIntoAConcern() {
        List<Message> h = new ArrayList<>();
        h.add(p.filing());
        TwoParties other = new TwoParties();
        Message intruder = other.next(h, other.us, new MessageBody.Acknowledgement(null));
        h.add(intruder);
        assertThatThrownBy(() -> Concern.of(h, true, ChannelTerms.defaults()))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.reason()).isEqualTo(ChannelException.Reason.FORBIDDEN));
    }
}
