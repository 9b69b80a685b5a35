package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.ConcernState;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Tlp;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Outbox.Delivery;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery through the persistent outbox ({@link org.hotline.channel.OutboxDelivery}
 * on the real stores): a partner that is down gets everything once it is back, with retries backing
 * off; a message delivered twice is applied once; a permanent refusal stops the retries.
 */
interface OutboxDeliveryContract extends DatabaseUnderTest {
    Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    @Test
    default void aPartnerThatWasDownGetsEverythingOnceWithRetriesBackingOff() {
        try (TwoNodes n = new TwoNodes(this)) {
            n.transport.down(n.parties.us.id());
            String a = n.ru.desk.file(n.parties.filingBody(), false).id();
            String b = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.desk.act(a, new MessageBody.StatusUpdate("the attacks go on"));
            Instant t0 = n.clock.instant();

            List<Duration> gaps = new ArrayList<>();
            for (int round = 1; round <= 4; round++) {
                assertThat(n.ru.deliver()).isZero();
                List<Delivery> waiting = n.ru.db.outbox().due(FAR, 100);
                assertThat(waiting).hasSize(3).allSatisfy(d -> assertThat(d.lastError()).contains("US-CERT is unreachable"));
                int r = round;
                assertThat(waiting).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(r));
                Instant next = waiting.get(0).nextAttempt();
                gaps.add(Duration.between(n.clock.instant(), next));
                n.clock.set(next.minusMillis(1));
                int attemptsBefore = n.transport.attempts();
                assertThat(n.ru.deliver()).isZero();
                assertThat(n.transport.attempts()).as("nothing is tried before it is due").isEqualTo(attemptsBefore);
                n.clock.set(next);
            }
            assertThat(gaps).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8));
            assertThat(n.us.db.concerns().concernIds()).isEmpty();
            assertThat(n.ru.desk.concern(b).state()).isEqualTo(ConcernState.SENT);
            assertThat(n.ru.db.outbox().isDelivered(a)).isFalse();

            n.transport.up(n.parties.us.id());
            assertThat(n.ru.deliver()).isEqualTo(3);
            assertThat(n.ru.deliver()).as("nothing left").isZero();

            assertThat(n.us.db.concerns().concernIds()).containsExactlyInAnyOrder(a, b);
            for (String id : List.of(a, b)) {
                List<Message> there = n.us.db.concerns().history(id);
                assertThat(there).isEqualTo(n.ru.db.concerns().history(id));
                assertThat(there).extracting(Message::id).doesNotHaveDuplicates();
                assertThat(n.ru.desk.concern(id).state()).isEqualTo(ConcernState.DELIVERED);
            }
            assertThat(n.ru.db.outbox().due(FAR, 100)).isEmpty();
            assertThat(Duration.between(t0, n.clock.instant())).isEqualTo(Duration.ofMinutes(15));
        }
    }

    /**
     * A partner's node that does not answer costs one attempt per pass, not one per entry (each would
     * be a full timeout against a node that hangs): the first failure is recorded for the others
     * untried, and they back off with it, so the next pass does not try them either.
     */
    @Test
    default void aPartnerThatIsDownIsTriedOncePerPassNotOncePerEntry() {
        try (TwoNodes n = new TwoNodes(this)) {
            n.transport.down(n.parties.us.id());
            String a = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.desk.file(n.parties.filingBody(), false);
            n.ru.desk.act(a, new MessageBody.StatusUpdate("the attacks go on"));

            assertThat(n.ru.deliver()).isZero();
            assertThat(n.transport.attempts()).isEqualTo(1);
            List<Delivery> waiting = n.ru.db.outbox().due(FAR, 100);
            assertThat(waiting).hasSize(3).allSatisfy(d -> {
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastError()).contains("US-CERT is unreachable (in-process delivery 1)");
                assertThat(d.nextAttempt()).isEqualTo(n.clock.instant().plus(TwoNodes.BACKOFF_BASE));
            });
            assertThat(waiting.subList(1, 3)).allSatisfy(d -> assertThat(d.lastError()).startsWith("not tried: "));
            assertThat(n.ru.deliver()).as("the untried back off with the tried").isZero();
            assertThat(n.transport.attempts()).isEqualTo(1);

            n.clock.advance(TwoNodes.BACKOFF_BASE);
            assertThat(n.ru.deliver()).isZero();
            assertThat(n.transport.attempts()).isEqualTo(2);
            assertThat(n.ru.db.outbox().due(FAR, 100)).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(2));
        }
    }

    /** Only a failure of the partner's whole node stops its lane: a message it refuses does not hold back the next. */
    @Test
    default void aMessageThePartnerRefusesDoesNotHoldBackTheNext() {
        try (TwoNodes n = new TwoNodes(this)) {
            n.us.db.channels().save(new Channel(n.parties.channelId, n.parties.us, n.parties.ru,
                    new ChannelTerms(java.util.EnumSet.of(Tlp.CLEAR), java.util.EnumSet.allOf(ConcernKind.class),
                            Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(7)), Parties.START));
            MessageBody.Filing amber = n.parties.filingBody();
            String refused = n.ru.desk.file(amber, false).id();
            String taken = n.ru.desk.file(new MessageBody.Filing(amber.channelId(), amber.recipient(), amber.kind(), amber.summary(),
                    amber.description(), amber.severity(), Tlp.CLEAR, amber.materials()), false).id();

            assertThat(n.ru.deliver()).isEqualTo(1);

            assertThat(n.transport.attempts()).isEqualTo(2);
            assertThat(n.us.db.concerns().concernIds()).containsExactly(taken);
            assertThat(n.ru.db.outbox().entries(refused)).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(Outbox.State.FAILED));
        }
    }

    /**
     * A command that takes a step delivers that concern at once, and only that one: it used to make
     * a pass over the whole outbox, so `concern file` to one partner hung for the timeouts of every
     * entry queued to another partner that accepted connections but never answered (45 s for three).
     */
    @Test
    default void deliveringOneConcernLeavesTheRestOfTheOutboxToTheLoop() {
        try (TwoNodes n = new TwoNodes(this)) {
            n.transport.down(n.parties.us.id());
            String waiting = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.desk.act(waiting, new MessageBody.StatusUpdate("the attacks go on"));
            n.transport.up(n.parties.us.id());
            String fresh = n.ru.desk.file(n.parties.filingBody(), false).id();
            int before = n.transport.attempts();

            assertThat(n.ru.delivery.deliverConcern(fresh)).isEqualTo(1);

            assertThat(n.transport.attempts() - before).as("only the fresh concern was tried").isEqualTo(1);
            assertThat(n.us.db.concerns().concernIds()).containsExactly(fresh);
            assertThat(n.ru.db.outbox().due(FAR, 100)).extracting(Delivery::concernId).containsOnly(waiting).hasSize(2);
            assertThat(n.ru.deliver()).as("the loop delivers the rest").isEqualTo(2);
        }
    }

    @Test
    default void aMessageDeliveredAgainIsAppliedOnce() {
        try (TwoNodes n = new TwoNodes(this)) {
            String id = n.ru.desk.file(n.parties.filingBody(), false).id();
            n.ru.desk.act(id, new MessageBody.MaterialsProvided("more", Parties.materials()));
            assertThat(n.ru.deliver()).isEqualTo(2);
            StoreSnapshot delivered = StoreSnapshot.of(n.us.db);

            // As after a crash between the partner's acceptance and marking the entry delivered.
            Channel channel = n.ru.db.channels().channel(n.parties.channelId).orElseThrow();
            n.transport.deliver(channel, n.ru.db.concerns().history(id));
            n.transport.deliver(channel, n.ru.db.concerns().history(id).subList(0, 1));

            assertThat(StoreSnapshot.of(n.us.db)).isEqualTo(delivered);
            assertThat(n.us.db.concerns().history(id)).hasSize(2);
        }
    }

    @Test
    default void aPermanentRefusalStopsTheRetries() {
        try (TwoNodes n = new TwoNodes(this)) {
            // US's node has since narrowed the channel to TLP:CLEAR; RU's node still allows AMBER.
            Channel narrowed = new Channel(n.parties.channelId, n.parties.us, n.parties.ru,
                    new ChannelTerms(java.util.EnumSet.of(Tlp.CLEAR), java.util.EnumSet.allOf(ConcernKind.class),
                            Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(7)), Parties.START);
            n.us.db.channels().save(narrowed);
            String id = n.ru.desk.file(n.parties.filingBody(), false).id();

            assertThat(n.ru.deliver()).isZero();
            int attempts = n.transport.attempts();
            n.clock.advance(Duration.ofDays(30));
            assertThat(n.ru.deliver()).isZero();

            assertThat(n.transport.attempts()).as("never retried").isEqualTo(attempts).isEqualTo(1);
            assertThat(n.ru.db.outbox().due(FAR, 100)).isEmpty();
            assertThat(n.ru.db.outbox().isDelivered(id)).isFalse();
            assertThat(n.ru.desk.concern(id).state()).isEqualTo(ConcernState.SENT);
            assertThat(Stream.of(n.us.db.concerns().concernIds())).containsExactly(List.of());
        }
    }
}
