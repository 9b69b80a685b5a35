package org.hotline.channel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.channel.account.History.RU;
import static org.hotline.channel.account.History.T0;
import static org.hotline.channel.account.History.TERMS;
import static org.hotline.channel.account.History.US;
import static org.hotline.channel.account.History.days;
import static org.hotline.channel.account.History.hours;
import static org.hotline.channel.account.Obligation.Kind.ACKNOWLEDGE;
import static org.hotline.channel.account.Obligation.Kind.PROVIDE_MATERIALS;
import static org.hotline.channel.account.Obligation.Kind.RESPOND;
import static org.hotline.channel.account.Obligation.Outcome.LATE;
import static org.hotline.channel.account.Obligation.Outcome.LIFTED;
import static org.hotline.channel.account.Obligation.Outcome.ON_TIME;
import static org.hotline.channel.account.Obligation.Outcome.OPEN;
import static org.hotline.channel.account.Obligation.Outcome.OVERDUE;
import static org.hotline.channel.account.Obligation.Outcome.PAUSED;

import java.time.Instant;
import java.util.List;
import org.hotline.channel.Concern;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.MessageBody;
import org.junit.jupiter.api.Test;

/**
 * Each expected outcome is worked out by hand from the default terms (acknowledge within 24 h,
 * respond within 7 days from the filing plus the time spent waiting for materials, materials
 * within 7 days of the latest request), as the comments show.
 */
class ObligationsTest {
    private static final MessageBody ACK = new MessageBody.Acknowledgement("looking into it");
    private static final MessageBody ASK = new MessageBody.MaterialsRequest("full auth.log for 17-19 September");
    private static final MessageBody GIVE = new MessageBody.MaterialsProvided("attached",
            new Materials(Ids.random("grouping"), "auth.log lines", List.of(), List.of(new Materials.LogExcerpt("auth.log",
                    "ab".repeat(32), 3, "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2")), null));
    private static final MessageBody ANSWER = new MessageBody.Response("a compromised VPS", List.of("taken offline"),
            MessageBody.Outcome.ACTION_TAKEN);

    private static List<Obligation> of(History h, Instant now) {
        return Obligations.of(h.messages(), TERMS, now);
    }

    @Test
    void aResponseOnTheLastMomentOfAClockPausedForMaterialsIsOnTime() {
        History h = new History(RU, hours(0))
                .then(US, hours(2), ACK)              // due 24 h: on time, took 2 h
                .then(US, days(1), ASK)               // the response clock stops at day 1...
                .then(RU, days(3), GIVE)              // ...and runs again at day 3; materials due day 8: on time
                .then(US, days(9), ANSWER)            // due 7 d + 2 d paused = day 9, exactly: on time
                .then(RU, days(10), new MessageBody.Closure("thanks"));
        List<Obligation> o = of(h, T0.plus(days(30)));

        assertThat(o).extracting(Obligation::kind, Obligation::outcome, Obligation::party)
                .containsExactly(tuple(ACKNOWLEDGE, ON_TIME, US.id()), tuple(RESPOND, ON_TIME, US.id()),
                        tuple(PROVIDE_MATERIALS, ON_TIME, RU.id()));
        assertThat(o.get(0).took()).isEqualTo(hours(2));
        assertThat(o.get(1).due()).isEqualTo(T0.plus(days(9)));
        assertThat(o.get(1).took()).isEqualTo(days(9));
        assertThat(o.get(2).since()).isEqualTo(T0.plus(days(1)));
        assertThat(o.get(2).due()).isEqualTo(T0.plus(days(8)));
        assertThat(o.get(2).took()).isEqualTo(days(2));
    }

    @Test
    void aLateAcknowledgementAndAResponseStillOwedPastItsDue() {
        History h = new History(RU, hours(0)).then(US, hours(30), ACK);   // due 24 h: 6 h late
        assertThat(of(h, T0.plus(days(6)))).extracting(Obligation::kind, Obligation::outcome)
                .containsExactly(tuple(ACKNOWLEDGE, LATE), tuple(RESPOND, OPEN));        // due day 7
        assertThat(of(h, T0.plus(days(8)))).extracting(Obligation::kind, Obligation::outcome)
                .containsExactly(tuple(ACKNOWLEDGE, LATE), tuple(RESPOND, OVERDUE));
    }

    @Test
    void aWithdrawalLiftsWhatWasOwedAndARejectionAnswersIt() {
        History withdrawn = new History(RU, hours(0)).then(RU, hours(1), new MessageBody.Withdrawal("filed in error"));
        assertThat(of(withdrawn, T0.plus(days(30)))).extracting(Obligation::kind, Obligation::outcome, Obligation::metAt)
                .containsExactly(tuple(ACKNOWLEDGE, LIFTED, null), tuple(RESPOND, LIFTED, null));

        History rejected = new History(US, hours(0)).then(RU, hours(3), new MessageBody.Rejection("not our jurisdiction"));
        List<Obligation> o = of(rejected, T0.plus(days(30)));
        assertThat(o).extracting(Obligation::kind, Obligation::outcome, Obligation::party)
                .containsExactly(tuple(ACKNOWLEDGE, ON_TIME, RU.id()), tuple(RESPOND, ON_TIME, RU.id()));
        assertThat(o).allSatisfy(x -> assertThat(x.took()).isEqualTo(hours(3)));
    }

    @Test
    void whileMaterialsAreOwedTheResponseClockIsPausedAndTheDeadlineIsTheConcernsOwn() {
        History h = new History(RU, hours(0)).then(US, hours(1), ACK).then(US, days(1), ASK);
        Instant now = T0.plus(days(2));
        List<Obligation> o = of(h, now);
        assertThat(o).extracting(Obligation::kind, Obligation::outcome)
                .containsExactly(tuple(ACKNOWLEDGE, ON_TIME), tuple(RESPOND, PAUSED), tuple(PROVIDE_MATERIALS, OPEN));
        // The same deadline concern list shows: provide materials by day 8, owed by RU.
        Concern c = Concern.of(h.messages(), true, TERMS);
        assertThat(c.deadline().obligation()).isEqualTo(PROVIDE_MATERIALS.label());
        assertThat(c.deadline().party()).isEqualTo(o.get(2).party());
        assertThat(c.deadline().due()).isEqualTo(o.get(2).due()).isEqualTo(T0.plus(days(8)));
    }

    @Test
    void theRespondDueDateIsTheOneTheConcernShowsOnceMaterialsCameBack() {
        History h = new History(RU, hours(0)).then(US, hours(1), ACK).then(US, days(1), ASK).then(RU, days(4), GIVE);
        List<Obligation> o = of(h, T0.plus(days(5)));
        Concern c = Concern.of(h.messages(), true, TERMS);
        assertThat(o.get(1).outcome()).isEqualTo(OPEN);
        assertThat(o.get(1).due()).isEqualTo(c.deadline().due()).isEqualTo(T0.plus(days(10)));   // 7 d + 3 d paused
    }

    @Test
    void aSecondRequestForMaterialsRestartsTheirClockAndTheFirstNoLongerCounts() {
        History h = new History(RU, hours(0)).then(US, hours(1), ACK)
                .then(US, days(1), ASK)
                .then(US, days(2), new MessageBody.MaterialsRequest("and the firewall log"))   // due day 9
                .then(RU, days(10), GIVE);                                                    // a day late
        List<Obligation> o = of(h, T0.plus(days(11)));
        assertThat(o).extracting(Obligation::kind, Obligation::outcome)
                .containsExactly(tuple(ACKNOWLEDGE, ON_TIME), tuple(RESPOND, OPEN), tuple(PROVIDE_MATERIALS, LIFTED),
                        tuple(PROVIDE_MATERIALS, LATE));
        assertThat(o.get(3).due()).isEqualTo(T0.plus(days(9)));
        // The response clock stood from day 1 to day 10: due day 16.
        assertThat(o.get(1).due()).isEqualTo(T0.plus(days(16)));
    }

    /**
     * A status update from the recipient while it waits for materials takes the concern back to
     * investigating (the lifecycle): the materials are no longer owed, and the response clock runs
     * again, as the concern's own deadline says.
     */
    @Test
    void goingOnWithoutTheMaterialsAskedForLiftsThem() {
        History h = new History(RU, hours(0)).then(US, hours(1), ACK).then(US, days(1), ASK)
                .then(US, days(2), new MessageBody.StatusUpdate("found it in our own logs"));
        List<Obligation> o = of(h, T0.plus(days(3)));
        assertThat(o).extracting(Obligation::kind, Obligation::outcome)
                .containsExactly(tuple(ACKNOWLEDGE, ON_TIME), tuple(RESPOND, OPEN), tuple(PROVIDE_MATERIALS, LIFTED));
        // Paused from day 1 to day 2: due day 8.
        Concern c = Concern.of(h.messages(), true, TERMS);
        assertThat(o.get(1).due()).isEqualTo(c.deadline().due()).isEqualTo(T0.plus(days(8)));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
