package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.OutboxDelivery;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Transport;
import org.junit.jupiter.api.Test;

/**
 * Review of the fork rule (commit 653c058): what a dishonest partner can do with it, and a race
 * between a node's own delivery of a step and the fork that sets that step aside.
 */
interface ForkReviewContract extends DatabaseUnderTest {
    Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private static void refused(Reason reason, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /**
     * Forks says a backdated step can only win "back to the message both follow (a step is never
     * earlier than its predecessor)"; nothing checks that. A partner dates its step before the very
     * message it follows and so wins every fork against any step of ours, however early.
     */
    @Test
    default void aStepDatedBeforeTheMessageItFollowsIsRefusedAndCannotWinAFork() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.acknowledgedThenCutOff();
            List<Message> h = n.us.db.concerns().history(id);
            Message ack = h.get(1);
            // US responds one millisecond after the acknowledgement: the earliest any step can honestly be.
            n.clock.set(ack.created());
            Message response = n.us.desk.act(id, new MessageBody.Response("a compromised VPS", List.of("taken offline"),
                    MessageBody.Outcome.ACTION_TAKEN)).last();
            assertThat(response.created()).isEqualTo(ack.created().plusMillis(1));
            Message backdated = n.parties.next(ack, n.parties.ru, new MessageBody.StatusUpdate("the attacks go on"),
                    h.get(0).created().minus(Duration.ofDays(365)));

            refused(Reason.INVALID, () -> n.us.desk.receive(backdated));
            assertThat(n.us.db.concerns().history(id)).endsWith(response);
            assertThat(n.us.db.concerns().superseded(id)).isEmpty();
        }
    }

    /**
     * RU's node took US's response in by pulling US's shared collection (US cannot push: RU is
     * unreachable, so US's outbox entry stays pending). RU then signs a step after the
     * acknowledgement, dated before the response: US's node set aside a response that RU's own node
     * holds, because "the partner has it" was read from accepted pushes only. US's server now records
     * what it serves in a pull ({@code ChannelReadout}), and such a fork is refused.
     */
    @Test
    default void aStepThePartnerPulledIsNotSetAsideByALaterForkOfThePartner() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.acknowledgedThenCutOff();
            n.clock.advance(Duration.ofHours(1));
            Message ack = n.us.db.concerns().history(id).get(1);
            Message response = n.us.desk.act(id, new MessageBody.Response("a compromised VPS", List.of("taken offline"),
                    MessageBody.Outcome.ACTION_TAKEN)).last();
            // What `hotline sync` on RU's node does with US's shared collection, and what US's server
            // records as it serves the page.
            assertThat(n.us.db.outbox().reachedPartner(response.id())).isFalse();
            n.us.db.outbox().served(n.parties.ru.id(), List.of(response.id()), n.clock.instant());
            assertThat(n.ru.desk.receive(response)).isEqualTo(ConcernDesk.Receipt.APPLIED);
            assertThat(n.us.db.outbox().isDelivered(response.id())).isFalse();
            assertThat(n.us.db.outbox().reachedPartner(response.id())).isTrue();

            Message backdated = n.parties.next(ack, n.parties.ru, new MessageBody.StatusUpdate("the attacks go on"),
                    response.created().minusMillis(1));
            refused(Reason.FORBIDDEN, () -> n.us.desk.receive(backdated));
            assertThat(n.us.db.concerns().history(id)).endsWith(response);
        }
    }

    /**
     * Both nodes come back and push at once: US's delivery of its response is under way when RU's
     * earlier step reaches US's intake and sets the response aside (its outbox entry: failed). The
     * delivery then records RU's refusal on an entry that is no longer pending, and the whole outbox
     * pass (every other partner's deliveries after it) dies on an IllegalStateException.
     */
    @Test
    default void aDeliveryUnderWayWhenItsStepIsSetAsideEndsQuietly() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.acknowledgedThenCutOff();
            n.clock.advance(Duration.ofHours(1));
            Message provided = n.ru.desk.act(id, new MessageBody.MaterialsProvided("more logs", Parties.materials())).last();
            n.clock.advance(Duration.ofHours(1));
            Message response = n.us.desk.act(id, new MessageBody.Response("a compromised VPS", List.of("taken offline"),
                    MessageBody.Outcome.ACTION_TAKEN)).last();
            n.transport.up(n.parties.us.id());
            n.transport.up(n.parties.ru.id());

            Transport racing = new Transport() {
                @Override
                public void deliver(Channel channel, List<Message> history) {
                    // RU's push arrives at US's intake while US's own push is on the wire.
                    assertThat(n.us.desk.receive(provided)).isEqualTo(ConcernDesk.Receipt.APPLIED_OVER_FORK);
                    n.transport.deliver(channel, history);
                }
            };
            OutboxDelivery usDelivery = new OutboxDelivery(n.us.db.channels(), n.us.db.concerns(), n.us.db.outbox(), racing,
                    n.clock, TwoNodes.BACKOFF_BASE, TwoNodes.BACKOFF_CAP, n.lanes);

            assertThat(usDelivery.deliverDue(100)).isZero();
            assertThat(n.us.db.outbox().entries(id)).filteredOn(e -> e.delivery().messageId().equals(response.id()))
                    .singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(Outbox.State.FAILED));
            assertThat(n.us.db.concerns().history(id)).endsWith(provided).isEqualTo(n.ru.db.concerns().history(id));
            assertThat(n.us.desk.concern(id).state()).isEqualTo(n.ru.desk.concern(id).state());
        }
    }
}
