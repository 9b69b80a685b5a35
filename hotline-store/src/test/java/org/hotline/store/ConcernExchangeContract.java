package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernState;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Seal;
import org.hotline.channel.port.ConcernStore;
import org.junit.jupiter.api.Test;

/**
 * A concern's whole life between two nodes through the real application services ({@link
 * org.hotline.channel.ConcernDesk} on each node's own database, delivered by each node's outbox), the
 * refusals that must leave the receiving node untouched, and the overdue list.
 */
interface ConcernExchangeContract extends DatabaseUnderTest {
    Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private static void both(TwoNodes n, String id, ConcernState state) {
        assertThat(n.ru.desk.concern(id).state()).as("on RU's node").isEqualTo(state);
        assertThat(n.us.desk.concern(id).state()).as("on US's node").isEqualTo(state);
    }

    @Test
    default void aConcernGoesFromDraftToClosedWithTheSameVerifiableHistoryOnBothNodes() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.ru.desk.file(n.parties.filingBody(), true).id();
            assertThat(n.ru.desk.concern(id).state()).isEqualTo(ConcernState.DRAFT);
            assertThat(n.ru.deliver()).as("a draft is not delivered").isZero();
            assertThat(n.ru.desk.send(id).state()).isEqualTo(ConcernState.SENT);

            n.clock.advance(Duration.ofMinutes(1));
            assertThat(n.ru.deliver()).isEqualTo(1);
            both(n, id, ConcernState.DELIVERED);

            n.clock.advance(Duration.ofHours(2));
            n.us.desk.act(id, new MessageBody.Acknowledgement("received, looking into it"));
            n.us.desk.act(id, new MessageBody.MaterialsRequest("full auth.log for 17-19 September"));
            assertThat(n.us.deliver()).isEqualTo(2);
            both(n, id, ConcernState.AWAITING_MATERIALS);

            n.clock.advance(Duration.ofDays(1));
            n.ru.desk.act(id, new MessageBody.MaterialsProvided("auth.log attached", Parties.materials()));
            assertThat(n.ru.deliver()).isEqualTo(1);
            both(n, id, ConcernState.INVESTIGATING);

            n.clock.advance(Duration.ofDays(2));
            n.us.desk.act(id, new MessageBody.StatusUpdate("contacted the hosting provider"));
            n.us.desk.act(id, new MessageBody.Response("the source was a compromised VPS", List.of("provider notified",
                    "server taken offline"), MessageBody.Outcome.ACTION_TAKEN));
            assertThat(n.us.deliver()).isEqualTo(2);
            both(n, id, ConcernState.ANSWERED);

            n.clock.advance(Duration.ofHours(1));
            n.ru.desk.act(id, new MessageBody.Closure("thank you"));
            assertThat(n.ru.deliver()).isEqualTo(1);
            both(n, id, ConcernState.CLOSED);

            List<Message> onRu = n.ru.db.concerns().history(id);
            assertThat(onRu).hasSize(7).extracting(Message::kind).extracting(k -> k.id()).containsExactly("filing",
                    "acknowledgement", "materials-request", "materials-provided", "status-update", "response", "closure");
            assertThat(n.us.db.concerns().history(id)).isEqualTo(onRu);
            assertThat(HistoryCheck.problems(onRu, n.parties.keys)).isEmpty();
            assertThat(n.ru.db.outbox().due(FAR, 100)).isEmpty();
            assertThat(n.us.db.outbox().due(FAR, 100)).isEmpty();
            for (Message m : onRu) {
                assertThat(m.author().equals(n.parties.ru.id()) ? n.ru.db.outbox().isDelivered(m.id())
                        : n.us.db.outbox().isDelivered(m.id())).as("%s delivered by its author's node", m.id()).isTrue();
            }
        }
    }

    @Test
    default void refusedMessagesLeaveTheReceivingNodeAsItWas() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.deliver();
            n.clock.advance(Duration.ofHours(1));
            n.us.desk.act(id, new MessageBody.Acknowledgement(null));
            n.us.deliver();
            List<Message> history = n.us.db.concerns().history(id);
            Message filing = history.get(0);
            Message ack = history.get(1);
            StoreSnapshot before = StoreSnapshot.of(n.us.db);

            Message provided = n.parties.next(ack, n.parties.ru, new MessageBody.MaterialsProvided("logs", Parties.materials()),
                    n.clock.instant());
            Message tampered = new Message(provided.id(), id, provided.author(), provided.created(),
                    new MessageBody.MaterialsProvided("logs (edited in transit)", Parties.materials()),
                    provided.previousHash(), provided.signature());
            refused(Reason.BAD_SIGNATURE, () -> n.us.desk.receive(tampered));

            // Out of order: it follows a message that has not arrived (the untampered "provided").
            Message early = n.parties.next(provided, n.parties.ru, new MessageBody.StatusUpdate("and more logs"), n.clock.instant());
            refused(Reason.BROKEN_CHAIN, () -> n.us.desk.receive(early));
            // A fork that lost: it follows the filing, after which US's acknowledgement came first.
            Message stale = n.parties.next(filing, n.parties.ru, new MessageBody.StatusUpdate("any news?"),
                    ack.created().plusSeconds(1));
            refused(Reason.DIVERGED, () -> n.us.desk.receive(stale));
            // A fork that would win by the rule (signed before the acknowledgement), but RU's node had
            // accepted the acknowledgement: RU contradicts itself.
            Message backdated = n.parties.next(filing, n.parties.ru, new MessageBody.StatusUpdate("any news?"),
                    ack.created().minusSeconds(1));
            refused(Reason.FORBIDDEN, () -> n.us.desk.receive(backdated));
            // A second step of US's after the filing, sent to RU: a party forking its own history.
            Message selfFork = n.parties.next(filing, n.parties.us, new MessageBody.StatusUpdate("looking"), filing.created());
            refused(Reason.FORBIDDEN, () -> n.ru.desk.receive(selfFork));

            Message rewritten = Seal.sign(new Message(ack.id(), id, ack.author(), ack.created(),
                    new MessageBody.Acknowledgement("rewritten"), ack.previousHash(), null), n.parties.usKey);
            refused(Reason.FORBIDDEN, () -> n.us.desk.receive(rewritten));   // "by this node, but this node never wrote it"
            Message refiled = Seal.sign(new Message(filing.id(), id, filing.author(), filing.created().plusSeconds(1),
                    filing.body(), null, null), n.parties.ruKey);
            refused(Reason.CONFLICT, () -> n.us.desk.receive(refiled));

            Parties stranger = new Parties();
            Message intruder = stranger.next(ack, stranger.us, new MessageBody.StatusUpdate("hello"), n.clock.instant());
            refused(Reason.FORBIDDEN, () -> n.us.desk.receive(intruder));

            assertThat(StoreSnapshot.of(n.us.db)).isEqualTo(before);
            assertThat(n.us.desk.receive(filing)).as("the genuine filing again").isEqualTo(org.hotline.channel.ConcernDesk.Receipt.DUPLICATE);
            assertThat(StoreSnapshot.of(n.us.db)).isEqualTo(before);
        }
    }

    /**
     * Both nodes cut off, and each party takes a step after the acknowledgement: US responds, and an
     * hour later RU provides materials. Whichever node delivers first, both end with the same history
     * (the response, taken first, stands), RU's step is set aside on RU's node with its delivery
     * stopped, and nothing is left to retry: before, each node refused the other's step as a broken
     * chain that was retried for ever, with the two nodes showing different states.
     */
    @Test
    default void stepsTakenOnBothSidesWhileCutOffSettleOnTheFirstWhoeverDeliversFirst() {
        for (boolean ruFirst : new boolean[] {true, false}) {
            try (TwoNodes n = new TwoNodes(this)) {
                String id = n.acknowledgedThenCutOff();
                n.clock.advance(Duration.ofHours(1));
                Message response = n.us.desk.act(id, new MessageBody.Response("a compromised VPS", List.of("taken offline"),
                        MessageBody.Outcome.ACTION_TAKEN)).last();
                n.clock.advance(Duration.ofHours(1));
                Message provided = n.ru.desk.act(id, new MessageBody.MaterialsProvided("more logs", Parties.materials())).last();
                n.transport.up(n.parties.us.id());
                n.transport.up(n.parties.ru.id());

                if (ruFirst) {
                    assertThat(n.ru.deliver()).as("US refuses RU's later step").isZero();
                    assertThat(n.ru.db.outbox().entries(id)).filteredOn(e -> e.delivery().messageId().equals(provided.id()))
                            .singleElement().satisfies(e -> {
                                assertThat(e.state()).isEqualTo(org.hotline.channel.port.Outbox.State.FAILED);
                                assertThat(e.delivery().lastError()).contains("DIVERGED", "The step taken first stands, " + response.id());
                            });
                }
                assertThat(n.us.deliver()).as("RU takes the response in place of its own step").isEqualTo(1);
                assertThat(n.ru.deliver()).as("nothing of RU's is left to deliver").isZero();
                assertThat(n.us.deliver()).isZero();

                both(n, id, ConcernState.ANSWERED);
                List<Message> onRu = n.ru.db.concerns().history(id);
                assertThat(onRu).isEqualTo(n.us.db.concerns().history(id)).endsWith(response).doesNotContain(provided);
                assertThat(HistoryCheck.problems(onRu, n.parties.keys)).isEmpty();
                assertThat(n.ru.db.concerns().superseded(id)).singleElement().satisfies(x -> {
                    assertThat(x.message()).isEqualTo(provided);
                    assertThat(x.by()).isEqualTo(response.id());
                });
                assertThat(n.us.db.concerns().superseded(id)).isEmpty();
                assertThat(n.ru.db.outbox().due(FAR, 100)).isEmpty();
                assertThat(n.us.db.outbox().due(FAR, 100)).isEmpty();
            }
        }
    }

    /** Two steps signed at the same millisecond: the lower hash stands, and both nodes agree which. */
    @Test
    default void stepsTakenAtTheSameInstantSettleOnTheLowerHash() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.acknowledgedThenCutOff();
            n.clock.advance(Duration.ofHours(1));
            Message usStep = n.us.desk.act(id, new MessageBody.StatusUpdate("looking at the provider's logs")).last();
            Message ruStep = n.ru.desk.act(id, new MessageBody.StatusUpdate("the attacks go on")).last();
            assertThat(usStep.created()).isEqualTo(ruStep.created());
            Message stands = Seal.hash(usStep).compareTo(Seal.hash(ruStep)) < 0 ? usStep : ruStep;
            n.transport.up(n.parties.us.id());
            n.transport.up(n.parties.ru.id());

            n.ru.deliver();
            n.us.deliver();
            n.ru.deliver();
            assertThat(n.ru.db.concerns().history(id)).isEqualTo(n.us.db.concerns().history(id)).endsWith(stands);
            Message setAside = stands == usStep ? ruStep : usStep;
            TwoNodes.Node loser = stands == usStep ? n.ru : n.us;
            assertThat(loser.db.concerns().superseded(id)).extracting(ConcernStore.Superseded::message).containsExactly(setAside);
            assertThat(n.ru.db.outbox().due(FAR, 100)).isEmpty();
            assertThat(n.us.db.outbox().due(FAR, 100)).isEmpty();
        }
    }

    @Test
    default void overdueConcernsAreListedOnBothSidesByTheClock() {
        try (TwoNodes n = new TwoNodes(this)) {
            String late = n.ru.desk.file(n.parties.filingBody(), false).id();
            String answered = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.deliver();
            Instant filed = n.clock.instant();

            n.clock.set(filed.plus(Duration.ofHours(23)));
            assertThat(n.ru.desk.overdue()).isEmpty();
            n.us.desk.act(answered, new MessageBody.Acknowledgement(null));
            n.us.deliver();

            n.clock.set(filed.plus(Duration.ofHours(25)));
            assertThat(n.ru.desk.overdue()).extracting(Concern::id).containsExactly(late);
            assertThat(n.us.desk.overdue()).extracting(Concern::id).containsExactly(late);
            assertThat(n.us.desk.concern(late).deadline().obligation()).isEqualTo("acknowledge");

            n.us.desk.act(late, new MessageBody.Acknowledgement("sorry for the delay"));
            n.us.deliver();
            assertThat(n.ru.desk.overdue()).isEmpty();

            n.clock.set(filed.plus(Duration.ofDays(7)).plusSeconds(1));
            n.us.desk.act(answered, new MessageBody.Response("nothing found", List.of(), MessageBody.Outcome.NO_EVIDENCE_FOUND));
            n.us.deliver();
            assertThat(n.ru.desk.overdue()).extracting(Concern::id).as("the first response is a week late").containsExactly(late);
            assertThat(n.ru.desk.concern(late).deadline().due()).isEqualTo(filed.plus(Duration.ofDays(7)));
        }
    }

    private static void refused(Reason reason, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
