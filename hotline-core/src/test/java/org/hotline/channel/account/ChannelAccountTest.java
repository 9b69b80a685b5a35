package org.hotline.channel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.channel.account.History.RU;
import static org.hotline.channel.account.History.T0;
import static org.hotline.channel.account.History.TERMS;
import static org.hotline.channel.account.History.US;
import static org.hotline.channel.account.History.days;
import static org.hotline.channel.account.History.hours;

import java.time.Instant;
import java.util.List;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernState;
import org.hotline.channel.MessageBody;
import org.junit.jupiter.api.Test;

/**
 * Four concerns over a month, three filed by RU and one by US, as each node would hold them: both
 * accounts must agree, seen from opposite sides, down to the digest.
 */
class ChannelAccountTest {
    private static final Instant NOW = T0.plus(days(40));

    private final List<Concern> held = List.of(
            // RU -> US: acknowledged in 2 h, answered on day 5, closed.
            concern(new History(RU, days(0)).then(US, hours(2), new MessageBody.Acknowledgement(null))
                    .then(US, days(5), new MessageBody.Response("a compromised VPS", List.of("taken offline"), MessageBody.Outcome.ACTION_TAKEN))
                    .then(RU, days(6), new MessageBody.Closure("thanks"))),
            // RU -> US: acknowledged after 30 h (late), no answer: overdue since day 17.
            concern(new History(RU, days(10)).then(US, hours(30), new MessageBody.Acknowledgement(null))),
            // RU -> US: never acknowledged: both overdue.
            concern(new History(RU, days(20))),
            // US -> RU: rejected after 6 h.
            concern(new History(US, days(25)).then(RU, hours(6), new MessageBody.Rejection("not our jurisdiction"))));

    private static Concern concern(History h) {
        return Concern.of(h.messages(), true, TERMS);
    }

    @Test
    void countsEachDirectionsObligationsByWhatBecameOfThem() {
        ChannelAccount a = ChannelAccount.of(History.seenBy(RU), held, null, null, NOW);

        assertThat(a.byUs().concerns()).isEqualTo(3);
        assertThat(a.byUs().byState()).containsEntry(ConcernState.CLOSED, 1).containsEntry(ConcernState.ACKNOWLEDGED, 1)
                .containsEntry(ConcernState.DELIVERED, 1).hasSize(3);
        assertThat(a.byUs().obligations().get(Obligation.Kind.ACKNOWLEDGE)).isEqualTo(new ChannelAccount.Tally(1, 1, 0, 1, 0, 0));
        assertThat(a.byUs().obligations().get(Obligation.Kind.RESPOND)).isEqualTo(new ChannelAccount.Tally(1, 0, 0, 2, 0, 0));
        assertThat(a.byUs().medianToAcknowledge()).isEqualTo(hours(2));     // of 2 h and 30 h: the lower median
        assertThat(a.byUs().longestToAcknowledge()).isEqualTo(hours(30));
        assertThat(a.byUs().medianToRespond()).isEqualTo(days(5));

        assertThat(a.byPartner().concerns()).isEqualTo(1);
        assertThat(a.byPartner().obligations().get(Obligation.Kind.RESPOND)).isEqualTo(new ChannelAccount.Tally(1, 0, 0, 0, 0, 0));
        assertThat(a.byPartner().longestToRespond()).isEqualTo(hours(6));
        assertThat(a.concerns()).extracting(ChannelAccount.Entry::filed)
                .containsExactly(T0, T0.plus(days(10)), T0.plus(days(20)), T0.plus(days(25)));
    }

    @Test
    void bothNodesComputeTheSameAccountFromOppositeSides() {
        ChannelAccount ru = ChannelAccount.of(History.seenBy(RU), held, null, null, NOW);
        ChannelAccount us = ChannelAccount.of(History.seenBy(US), held, null, null, NOW);
        assertThat(us.byPartner()).isEqualTo(ru.byUs());
        assertThat(us.byUs()).isEqualTo(ru.byPartner());
        assertThat(us.digest()).isEqualTo(ru.digest()).hasSize(64);

        // A node missing one concern (never delivered to it) has another digest.
        ChannelAccount missing = ChannelAccount.of(History.seenBy(US), held.subList(0, 3), null, null, NOW);
        assertThat(missing.digest()).isNotEqualTo(ru.digest());
    }

    @Test
    void thePeriodCountsConcernsByWhenTheyWereFiled() {
        ChannelAccount a = ChannelAccount.of(History.seenBy(RU), held, T0.plus(days(10)), T0.plus(days(25)), NOW);
        assertThat(a.concerns()).extracting(ChannelAccount.Entry::filed).containsExactly(T0.plus(days(10)), T0.plus(days(20)));
        assertThat(a.byPartner().concerns()).isZero();
        assertThat(a.byPartner().medianToAcknowledge()).isNull();
    }
}
