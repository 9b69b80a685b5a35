package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Seal;
import org.hotline.channel.port.ConcernStore;
import org.junit.jupiter.api.Test;

/** {@link ConcernStore} as its Javadoc states it, on the filer's (RU's) node. */
interface ConcernStoreContract extends DatabaseUnderTest {

    private static Instant at(int hours) {
        return Parties.START.plus(Duration.ofHours(hours));
    }

    private static void refused(Reason reason, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private NodeDatabase openFor(Parties p) {
        NodeDatabase db = open();
        db.channels().save(p.channelSeenBy(p.ru));
        return db;
    }

    @Test
    default void storesEveryKindOfMessageAndReadsBackTheVerySameOnes() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            ConcernStore store = db.concerns();
            List<Message> h = new ArrayList<>(List.of(p.filing(at(0))));
            h.add(p.next(h.get(0), p.us, new MessageBody.Acknowledgement("received"), at(1)));
            h.add(p.next(h.get(1), p.us, new MessageBody.MaterialsRequest("full auth.log for 17-19 September"), at(2)));
            h.add(p.next(h.get(2), p.ru, new MessageBody.MaterialsProvided("attached", Parties.materials()), at(3)));
            h.add(p.next(h.get(3), p.us, new MessageBody.StatusUpdate("contacted the hosting provider"), at(4)));
            h.add(p.next(h.get(4), p.us, new MessageBody.Response("a compromised VPS", List.of("provider notified"),
                    MessageBody.Outcome.ACTION_TAKEN), at(5)));
            h.add(p.next(h.get(5), p.ru, new MessageBody.Closure("thank you"), at(6)));
            Message rejected = p.filing(at(7));
            Message rejection = p.next(rejected, p.us, new MessageBody.Rejection("not our jurisdiction"), at(8));
            Message withdrawn = p.filing(at(9));
            Message withdrawal = p.next(withdrawn, p.ru, new MessageBody.Withdrawal("filed in error"), at(10));

            for (Message m : h) {
                assertThat(store.append(m, m.author().equals(p.ru.id()) ? p.us.id() : null)).isTrue();
            }
            for (Message m : List.of(rejected, rejection, withdrawn, withdrawal)) {
                assertThat(store.append(m, null)).isTrue();
            }

            assertThat(store.history(h.get(0).concernId())).isEqualTo(h);
            assertThat(store.history(rejected.concernId())).containsExactly(rejected, rejection);
            assertThat(store.history(withdrawn.concernId())).containsExactly(withdrawn, withdrawal);
            assertThat(HistoryCheck.problems(store.history(h.get(0).concernId()), p.keys)).isEmpty();
            assertThat(store.history("incident--0b8c1e3c-3f37-4a4c-9d4e-5f1d2c3b4a59")).isEmpty();
        }
    }

    @Test
    default void concernsAreListedMostRecentlyUpdatedFirst() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message a = p.filing(at(0));
            Message b = p.filing(at(1));
            Message c = p.filing(at(2));
            for (Message m : List.of(a, b, c)) {
                db.concerns().append(m, p.us.id());
            }
            assertThat(db.concerns().concernIds()).containsExactly(c.id(), b.id(), a.id());
            db.concerns().append(p.next(a, p.us, new MessageBody.Acknowledgement(null), at(3)), null);
            assertThat(db.concerns().concernIds()).containsExactly(a.id(), c.id(), b.id());
        }
    }

    @Test
    default void anIdenticalMessageAgainIsANoOpAndIsNotQueuedTwice() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message filing = p.filing(at(0));
            Message ack = p.next(filing, p.us, new MessageBody.Acknowledgement(null), at(1));
            assertThat(db.concerns().append(filing, p.us.id())).isTrue();
            assertThat(db.concerns().append(ack, null)).isTrue();
            StoreSnapshot before = StoreSnapshot.of(db);

            assertThat(db.concerns().append(filing, p.us.id())).isFalse();
            assertThat(db.concerns().append(ack, null)).isFalse();

            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
            assertThat(before.pending()).singleElement().satisfies(d -> assertThat(d.messageId()).isEqualTo(filing.id()));
        }
    }

    @Test
    default void theSameIdWithOtherContentIsAConflictAndStoresNothing() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message filing = p.filing(at(0));
            Message ack = p.next(filing, p.us, new MessageBody.Acknowledgement("on it"), at(1));
            db.concerns().append(filing, p.us.id());
            db.concerns().append(ack, null);
            StoreSnapshot before = StoreSnapshot.of(db);

            Message otherAck = Seal.sign(new Message(ack.id(), ack.concernId(), ack.author(), ack.created(),
                    new MessageBody.Acknowledgement("on it, priority"), ack.previousHash(), null), p.usKey);
            refused(Reason.CONFLICT, () -> db.concerns().append(otherAck, null));
            Message refiled = Seal.sign(new Message(filing.id(), filing.id(), filing.author(), at(5), filing.body(), null, null), p.ruKey);
            refused(Reason.CONFLICT, () -> db.concerns().append(refiled, p.us.id()));

            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    default void aMessageThatDoesNotContinueTheHeadIsABrokenChainAndStoresNothing() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message filing = p.filing(at(0));
            Message ack = p.next(filing, p.us, new MessageBody.Acknowledgement(null), at(1));
            db.concerns().append(filing, p.us.id());
            db.concerns().append(ack, null);
            StoreSnapshot before = StoreSnapshot.of(db);

            // A fork: a second message chained to the filing, which is no longer the head.
            Message fork = p.next(filing, p.us, new MessageBody.Rejection("declined"), at(2));
            refused(Reason.BROKEN_CHAIN, () -> db.concerns().append(fork, null));
            // A message from another concern's history replayed into this one.
            Message elsewhere = p.filing(at(3));
            Message replayed = p.next(elsewhere, p.ru, new MessageBody.StatusUpdate("still waiting"), at(4));
            Message spliced = Seal.sign(new Message(replayed.id(), filing.concernId(), replayed.author(), replayed.created(),
                    replayed.body(), replayed.previousHash(), null), p.ruKey);
            refused(Reason.BROKEN_CHAIN, () -> db.concerns().append(spliced, p.us.id()));

            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
        }
    }

    /**
     * Settling a fork: RU's own two steps after the acknowledgement leave the history for the set-aside
     * list in the order they were taken, their deliveries stop, and US's message takes their place;
     * a second fork of the same concern later keeps the first one's steps.
     */
    @Test
    default void appendInsteadSetsOurTailAsideStopsItsDeliveriesAndChainsTheWinner() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            ConcernStore store = db.concerns();
            Message filing = p.filing(at(0));
            Message ack = p.next(filing, p.us, new MessageBody.Acknowledgement(null), at(1));
            Message provided = p.next(ack, p.ru, new MessageBody.MaterialsProvided("logs", Parties.materials()), at(2));
            Message update = p.next(provided, p.ru, new MessageBody.StatusUpdate("more attacks overnight"), at(3));
            store.append(filing, p.us.id());
            store.append(ack, null);
            store.append(provided, p.us.id());
            store.append(update, p.us.id());
            Message response = p.next(ack, p.us, new MessageBody.Response("a compromised VPS", List.of("taken offline"),
                    MessageBody.Outcome.ACTION_TAKEN), at(2));

            refused(Reason.BROKEN_CHAIN, () -> store.appendInstead(response, List.of(provided)));   // not the whole tail
            store.appendInstead(response, List.of(provided, update));

            assertThat(store.history(filing.concernId())).containsExactly(filing, ack, response);
            assertThat(HistoryCheck.problems(store.history(filing.concernId()), p.keys)).isEmpty();
            assertThat(store.superseded(filing.concernId())).extracting(ConcernStore.Superseded::message).containsExactly(provided, update);
            assertThat(store.superseded(filing.concernId())).allSatisfy(x -> assertThat(x.by()).isEqualTo(response.id()));
            assertThat(db.outbox().due(Instant.parse("9999-01-01T00:00:00Z"), 100)).extracting(d -> d.messageId()).containsExactly(filing.id());
            assertThat(db.outbox().entries(filing.concernId())).filteredOn(e -> !e.delivery().messageId().equals(filing.id()))
                    .hasSize(2).allSatisfy(e -> {
                        assertThat(e.state()).isEqualTo(org.hotline.channel.port.Outbox.State.FAILED);
                        assertThat(e.delivery().lastError()).contains("set aside", response.id());
                    });

            // The chain goes on from the winner, and a later fork adds to the set-aside list.
            Message closure = p.next(response, p.ru, new MessageBody.Closure("thanks"), at(4));
            store.append(closure, p.us.id());
            Message reopened = p.next(response, p.us, new MessageBody.StatusUpdate("one more finding"), at(3));
            store.appendInstead(reopened, List.of(closure));
            assertThat(store.history(filing.concernId())).containsExactly(filing, ack, response, reopened);
            assertThat(store.superseded(filing.concernId())).extracting(ConcernStore.Superseded::message)
                    .containsExactly(provided, update, closure);
            assertThat(store.concernIds()).containsExactly(filing.concernId());
        }
    }

    @Test
    default void aMessageForAConcernNotStoredHereIsNotFound() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message filing = p.filing(at(0));
            Message ack = p.next(filing, p.us, new MessageBody.Acknowledgement(null), at(1));
            refused(Reason.NOT_FOUND, () -> db.concerns().append(ack, null));
            assertThat(StoreSnapshot.of(db)).isEqualTo(new StoreSnapshot(java.util.Map.of(), List.of()));
        }
    }

    @Test
    default void aFilingOnAChannelNotRegisteredHereIsNotFound() {
        Parties p = new Parties();
        try (NodeDatabase db = open()) {
            refused(Reason.NOT_FOUND, () -> db.concerns().append(p.filing(at(0)), p.us.id()));
            assertThat(db.concerns().concernIds()).isEmpty();
        }
    }

    @Test
    default void aDraftIsStoredUnqueuedAndReplacedByItsSealedFiling() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message draft = p.draft(at(0));
            assertThat(db.concerns().append(draft, null)).isTrue();
            assertThat(db.concerns().history(draft.id())).containsExactly(draft);
            assertThat(StoreSnapshot.of(db).pending()).isEmpty();
            assertThat(db.concerns().append(draft, null)).as("the same draft again").isFalse();

            Message sent = Seal.sign(new Message(draft.id(), draft.id(), draft.author(), at(2), draft.body(), null, null), p.ruKey);
            assertThat(db.concerns().append(sent, p.us.id())).isTrue();

            assertThat(db.concerns().history(draft.id())).containsExactly(sent);
            assertThat(StoreSnapshot.of(db).pending()).singleElement()
                    .satisfies(d -> assertThat(d.messageId()).isEqualTo(sent.id()));
            Message ack = p.next(sent, p.us, new MessageBody.Acknowledgement(null), at(3));
            assertThat(db.concerns().append(ack, null)).as("the sealed filing is the new head").isTrue();
            refused(Reason.CONFLICT, () -> db.concerns().append(draft, null));
        }
    }

    @Test
    default void onlyAFilingMayBeStoredUnsealedAndADraftIsNeitherQueuedNorContinued() {
        Parties p = new Parties();
        try (NodeDatabase db = openFor(p)) {
            Message draft = p.draft(at(0));
            refused(Reason.INVALID, () -> db.concerns().append(draft, p.us.id()));
            db.concerns().append(draft, null);
            Message unsealed = p.next(p.filing(at(0)), p.ru, new MessageBody.StatusUpdate("x"), at(1)).withSignature(null);
            refused(Reason.INVALID, () -> db.concerns().append(unsealed, null));
            Message afterDraft = Seal.sign(new Message("note--6a1e0f1c-2b3d-4c5e-8f70-8192a3b4c5d6", draft.id(), p.us.id(), at(1),
                    new MessageBody.Acknowledgement(null), "0".repeat(64), null), p.usKey);
            refused(Reason.BROKEN_CHAIN, () -> db.concerns().append(afterDraft, null));
            assertThat(db.concerns().history(draft.id())).containsExactly(draft);
        }
    }

    @Test
    default void concurrentAppendsToOneHeadHaveExactlyOneWinner() throws Exception {
        Parties p = new Parties();
        int threads = 6;
        int rounds = 5;
        try (NodeDatabase db = openFor(p)) {
            Message head = p.filing(at(0));
            db.concerns().append(head, p.us.id());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 1; round <= rounds; round++) {
                    List<Message> rivals = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        rivals.add(p.next(head, p.ru, new MessageBody.StatusUpdate("round " + round + " thread " + t), at(round)));
                    }
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Boolean>> outcomes = new ArrayList<>();
                    for (Message rival : rivals) {
                        Callable<Boolean> attempt = () -> {
                            start.await();
                            try {
                                return db.concerns().append(rival, p.us.id());
                            } catch (ChannelException e) {
                                assertThat(e.reason()).isEqualTo(Reason.BROKEN_CHAIN);
                                return false;
                            }
                        };
                        outcomes.add(pool.submit(attempt));
                    }
                    start.countDown();
                    List<Message> winners = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        if (outcomes.get(t).get()) {
                            winners.add(rivals.get(t));
                        }
                    }
                    assertThat(winners).as("winners of round %d", round).hasSize(1);
                    head = winners.get(0);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Message> history = db.concerns().history(head.concernId());
            assertThat(history).hasSize(1 + rounds).endsWith(head);
            assertThat(HistoryCheck.problems(history, p.keys)).isEmpty();
            assertThat(StoreSnapshot.of(db).pending()).hasSize(1 + rounds);
        }
    }

    @Test
    default void everythingIsStillThereAfterReopening() {
        Parties p = new Parties();
        String url = freshUrl();
        List<Message> h = new ArrayList<>();
        try (NodeDatabase db = NodeDatabase.open(url)) {
            db.channels().save(p.channelSeenBy(p.ru));
            h.add(p.filing(at(0)));
            h.add(p.next(h.get(0), p.us, new MessageBody.Acknowledgement(null), at(1)));
            db.concerns().append(h.get(0), p.us.id());
            db.concerns().append(h.get(1), null);
        }
        try (NodeDatabase db = NodeDatabase.open(url, Clock.systemUTC())) {
            assertThat(db.concerns().history(h.get(0).concernId())).isEqualTo(h);
            assertThat(db.channels().channel(p.channelId)).contains(p.channelSeenBy(p.ru));
            assertThat(StoreSnapshot.of(db).pending()).singleElement()
                    .satisfies(d -> assertThat(d.messageId()).isEqualTo(h.get(0).id()));
        }
    }
}
