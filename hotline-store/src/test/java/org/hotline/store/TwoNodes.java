package org.hotline.store;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Ed25519;
import org.hotline.channel.OutboxDelivery;
import org.hotline.channel.Party;

/**
 * Two Hotline nodes in one JVM, each with its own database and the real application services on it
 * (ConcernDesk, OutboxDelivery), joined by an {@link InProcessTransport} and sharing one test clock.
 * RU-CERT files; US-CERT answers. Outbox retries back off from one minute, doubling, up to an hour;
 * each partner's lane runs on a thread of its own, as in {@code hotline serve}.
 */
final class TwoNodes implements AutoCloseable {
    static final Duration BACKOFF_BASE = Duration.ofMinutes(1);
    static final Duration BACKOFF_CAP = Duration.ofHours(1);

    final Parties parties = new Parties();
    final MutableClock clock = new MutableClock(Parties.START);
    final InProcessTransport transport = new InProcessTransport();
    final ExecutorService lanes = Executors.newCachedThreadPool();
    final Node ru;
    final Node us;

    /** One node: its party, its database, and the services on it. */
    final class Node {
        final Party party;
        final NodeDatabase db;
        final ConcernDesk desk;
        final OutboxDelivery delivery;

        Node(Party party, Ed25519 key, NodeDatabase db) {
            this.party = party;
            this.db = db;
            db.channels().save(parties.channelSeenBy(party));
            this.desk = new ConcernDesk(party, key, db.channels(), db.concerns(), db.outbox(), clock);
            this.delivery = new OutboxDelivery(db.channels(), db.concerns(), db.outbox(), transport, clock, BACKOFF_BASE, BACKOFF_CAP,
                    lanes);
        }

        /** One run of the node's outbox: returns how many messages the partner accepted. */
        int deliver() {
            return delivery.deliverDue(100);
        }
    }

    TwoNodes(DatabaseUnderTest databases) {
        ru = new Node(parties.ru, parties.ruKey, databases.open(clock));
        us = new Node(parties.us, parties.usKey, databases.open(clock));
        transport.connect(ru.desk);
        transport.connect(us.desk);
    }

    /**
     * RU files, US acknowledges, and both nodes hold both steps; then neither node can reach the
     * other: where a fork starts when each side takes a step before the other's arrives.
     */
    String acknowledgedThenCutOff() {
        String id = ru.desk.file(parties.filingBody(), false).id();
        org.assertj.core.api.Assertions.assertThat(ru.deliver()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        us.desk.act(id, new org.hotline.channel.MessageBody.Acknowledgement("looking into it"));
        org.assertj.core.api.Assertions.assertThat(us.deliver()).isEqualTo(1);
        for (Node n : new Node[] {ru, us}) {
            org.assertj.core.api.Assertions.assertThat(n.desk.concern(id).state()).as("on %s's node", n.party.name())
                    .isEqualTo(org.hotline.channel.ConcernState.ACKNOWLEDGED);
        }
        transport.down(parties.us.id());
        transport.down(parties.ru.id());
        return id;
    }

    @Override
    public void close() {
        lanes.shutdown();
        ru.db.close();
        us.db.close();
    }
}
