package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.channel.Ids;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Outbox.Delivery;
import org.junit.jupiter.api.Test;

/** {@link Outbox}: what append queued, when it is due, and what delivery attempts leave behind. */
interface OutboxContract extends DatabaseUnderTest {
    Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private NodeDatabase withTwoQueued(Parties p, Message[] queued) {
        NodeDatabase db = open();
        db.channels().save(p.channelSeenBy(p.ru));
        queued[0] = p.filing(Parties.START);
        queued[1] = p.next(queued[0], p.ru, new MessageBody.StatusUpdate("more sources seen"), Parties.START.plusSeconds(60));
        db.concerns().append(queued[0], p.us.id());
        db.concerns().append(queued[1], p.us.id());
        return db;
    }

    @Test
    default void appendQueuesEachOutgoingMessageOnceDueWhenItWasWritten() {
        Parties p = new Parties();
        Message[] m = new Message[2];
        try (NodeDatabase db = withTwoQueued(p, m)) {
            Message incoming = p.next(m[1], p.us, new MessageBody.Acknowledgement(null), Parties.START.plusSeconds(120));
            db.concerns().append(incoming, null);
            Outbox outbox = db.outbox();

            assertThat(outbox.due(FAR, 10)).extracting(Delivery::messageId, Delivery::concernId, Delivery::partner,
                            Delivery::attempts, Delivery::nextAttempt, Delivery::lastError)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(m[0].id(), m[0].concernId(), p.us.id(), 0, m[0].created(), null),
                            org.assertj.core.groups.Tuple.tuple(m[1].id(), m[1].concernId(), p.us.id(), 0, m[1].created(), null));
            assertThat(outbox.due(m[0].created(), 10)).extracting(Delivery::messageId).containsExactly(m[0].id());
            assertThat(outbox.due(m[0].created().minusMillis(1), 10)).isEmpty();
            assertThat(outbox.due(FAR, 1)).extracting(Delivery::messageId).containsExactly(m[0].id());
            assertThat(outbox.isDelivered(m[0].id())).isFalse();
            assertThat(outbox.isDelivered(incoming.id())).isFalse();
        }
    }

    @Test
    default void aRetryableFailureReschedulesAndKeepsTheError() {
        Parties p = new Parties();
        Message[] m = new Message[2];
        try (NodeDatabase db = withTwoQueued(p, m)) {
            Outbox outbox = db.outbox();
            Delivery first = outbox.due(FAR, 1).get(0);
            Instant retry = Parties.START.plus(Duration.ofMinutes(5));
            outbox.failed(first.id(), retry, "US-CERT: connection refused (attempt 1)", false);
            outbox.failed(first.id(), retry.plusSeconds(600), "US-CERT: HTTP 503 (attempt 2)", false);

            assertThat(outbox.due(retry.plusSeconds(599), 10)).extracting(Delivery::messageId).containsExactly(m[1].id());
            assertThat(outbox.due(retry.plusSeconds(600), 10)).first().satisfies(d -> {
                assertThat(d.id()).isEqualTo(first.id());
                assertThat(d.attempts()).isEqualTo(2);
                assertThat(d.nextAttempt()).isEqualTo(retry.plusSeconds(600));
                assertThat(d.lastError()).isEqualTo("US-CERT: HTTP 503 (attempt 2)");
            });
            assertThat(outbox.isDelivered(m[0].id())).isFalse();
        }
    }

    @Test
    default void aPermanentFailureIsNeverDueAgainAndADeliveryIsDone() {
        Parties p = new Parties();
        Message[] m = new Message[2];
        try (NodeDatabase db = withTwoQueued(p, m)) {
            Outbox outbox = db.outbox();
            List<Delivery> due = outbox.due(FAR, 10);
            outbox.failed(due.get(0).id(), Parties.START, "US-CERT refused it: bad signature", true);
            outbox.delivered(due.get(1).id(), Parties.START.plusSeconds(61));

            assertThat(outbox.due(FAR, 10)).isEmpty();
            assertThat(outbox.isDelivered(m[0].id())).isFalse();
            assertThat(outbox.isDelivered(m[1].id())).isTrue();
            assertThatThrownBy(() -> outbox.failed(due.get(0).id(), FAR, "again", false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(due.get(0).id()));
            assertThatThrownBy(() -> outbox.delivered(987_654_321L, FAR)).isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * A message the partner fetched in a pull has reached it, as one it accepted from a push has; a
     * fetch changes nothing else (the push is still due), and ids that are not this node's messages
     * queued for that partner are ignored.
     */
    @Test
    default void aMessageServedToItsPartnerHasReachedItWithoutStoppingItsDelivery() {
        Parties p = new Parties();
        Message[] m = new Message[2];
        try (NodeDatabase db = withTwoQueued(p, m)) {
            Message incoming = p.next(m[1], p.us, new MessageBody.Acknowledgement(null), Parties.START.plusSeconds(120));
            db.concerns().append(incoming, null);
            Outbox outbox = db.outbox();
            outbox.served(new Parties().us.id(), List.of(m[0].id()), Parties.START.plusSeconds(200));   // not the partner
            outbox.served(p.us.id(), List.of(m[1].id(), incoming.id(), "note--00000000-0000-4000-8000-000000000000"),
                    Parties.START.plusSeconds(300));
            outbox.served(p.us.id(), List.of(), Parties.START.plusSeconds(400));

            assertThat(outbox.reachedPartner(m[0].id())).isFalse();
            assertThat(outbox.reachedPartner(m[1].id())).isTrue();
            assertThat(outbox.reachedPartner(incoming.id())).as("the partner's own message is not ours to deliver").isFalse();
            assertThat(outbox.isDelivered(m[1].id())).isFalse();
            assertThat(outbox.due(FAR, 10)).extracting(Delivery::messageId).containsExactly(m[0].id(), m[1].id());

            outbox.delivered(outbox.due(FAR, 10).get(0).id(), Parties.START.plusSeconds(500));
            assertThat(outbox.reachedPartner(m[0].id())).isTrue();
        }
    }

    @Test
    default void entriesListEveryStateOfAConcern() {
        Parties p = new Parties();
        Message[] m = new Message[2];
        try (NodeDatabase db = withTwoQueued(p, m)) {
            Outbox outbox = db.outbox();
            List<Delivery> due = outbox.due(FAR, 10);
            outbox.failed(due.get(0).id(), FAR, "US-CERT: connection refused (attempt 1)", false);
            outbox.delivered(due.get(1).id(), Parties.START.plusSeconds(61));

            assertThat(outbox.entries(m[0].concernId())).extracting(e -> e.delivery().messageId(), Outbox.Entry::state,
                            e -> e.delivery().attempts(), e -> e.delivery().lastError(), Outbox.Entry::deliveredAt)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(m[0].id(), Outbox.State.PENDING, 1,
                                    "US-CERT: connection refused (attempt 1)", null),
                            org.assertj.core.groups.Tuple.tuple(m[1].id(), Outbox.State.DELIVERED, 0, null,
                                    Parties.START.plusSeconds(61)));
            assertThat(outbox.entries("incident--00000000-0000-4000-8000-000000000000")).isEmpty();
        }
    }

    /**
     * The cap on due entries is per partner: a partner with a long backlog (down for a week) must not
     * fill a pass and keep the others' entries out of it.
     */
    @Test
    default void dueCapsEachPartnerNotTheWholeOutbox() {
        Parties p = new Parties();
        String other = Ids.random("identity");
        try (NodeDatabase db = open()) {
            db.channels().save(p.channelSeenBy(p.ru));
            List<String> toUs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Message m = p.filing(Parties.START.plusSeconds(i));
                db.concerns().append(m, p.us.id());
                toUs.add(m.id());
            }
            Message toOther = p.filing(Parties.START.plusSeconds(10));
            db.concerns().append(toOther, other);

            assertThat(db.outbox().due(FAR, 2)).extracting(Delivery::messageId).containsExactly(toUs.get(0), toUs.get(1), toOther.id());
            assertThat(db.outbox().due(FAR, 1)).extracting(Delivery::partner).containsExactly(p.us.id(), other);
            assertThat(db.outbox().due(Parties.START.plusSeconds(1), 5)).extracting(Delivery::messageId).containsExactly(toUs.get(0), toUs.get(1));
        }
    }

    /**
     * The outbox delivers to each partner on a thread of its own, so their marks meet here: every
     * one must land, none may fail with "database is locked" (SQLite) or a serialization error.
     */
    @Test
    default void deliveriesMarkedFromManyThreadsAtOnceAllLand() throws Exception {
        Parties p = new Parties();
        int partners = 8;
        int each = 6;
        try (NodeDatabase db = open()) {
            db.channels().save(p.channelSeenBy(p.ru));
            for (int i = 0; i < partners * each; i++) {
                db.concerns().append(p.filing(Parties.START.plusSeconds(i)), "identity--" + (i % partners));
            }
            List<Delivery> due = db.outbox().due(FAR, each);
            assertThat(due).hasSize(partners * each);
            ExecutorService lanes = Executors.newFixedThreadPool(partners);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Void>> marked = new ArrayList<>();
                for (int lane = 0; lane < partners; lane++) {
                    String partner = "identity--" + lane;
                    List<Delivery> mine = due.stream().filter(d -> d.partner().equals(partner)).toList();
                    Callable<Void> marks = () -> {
                        start.await();
                        for (Delivery d : mine) {
                            if (d.id() % 2 == 0) {
                                db.outbox().delivered(d.id(), Parties.START);
                            } else {
                                db.outbox().failed(d.id(), FAR, "no answer", false);
                            }
                        }
                        return null;
                    };
                    marked.add(lanes.submit(marks));
                }
                start.countDown();
                for (Future<Void> f : marked) {
                    f.get();
                }
            } finally {
                lanes.shutdown();
            }
            for (Delivery d : due) {
                Outbox.Entry e = db.outbox().entries(d.concernId()).get(0);
                assertThat(e.state()).isEqualTo(d.id() % 2 == 0 ? Outbox.State.DELIVERED : Outbox.State.PENDING);
                assertThat(e.delivery().attempts()).isEqualTo(d.id() % 2 == 0 ? 0 : 1);
            }
        }
    }
}
