package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.hotline.channel.Channel;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.MessageBody;
import org.hotline.channel.OutboxDelivery;
import org.hotline.channel.Party;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;
import org.hotline.channel.port.Outbox;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.store.NodeDatabase;
import org.hotline.taxii.client.TaxiiClient;
import org.hotline.taxii.client.TaxiiTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RU-CERT's outbox, over real TAXII and TLS, with two partners: US-CERT, a real node, and XX-CERT,
 * whose address accepts connections and never answers ({@link HangingServer}). What one partner's
 * node does must not hold up the deliveries to another, and a node that never answers costs one
 * try per pass, not one per message. Nothing here measures time: the hung partner is released only
 * once US-CERT's delivery has arrived, which a serial outbox (XX-CERT's message is the older) could
 * never reach, and the transport's timeouts are longer than the test's, so such an outbox fails the
 * test instead of passing late. Connections are counted, not timed.
 */
class HungPartnerIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aPartnerThatNeverAnswersHoldsUpOnlyItsOwnMessages() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US").start();
             TestNode xx = new TestNode(dir, "XX-CERT", "XX"); HangingServer hung = new HangingServer(xx.port)) {
            connect(ru, us);
            connectOneWay(ru, xx);
            ExecutorService lanes = Executors.newCachedThreadPool();
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home));
                 NodeDatabase usDb = NodeDatabase.open(NodeHome.open(us.home).database())) {
                OutboxDelivery delivery = delivery(r, Duration.ofMinutes(10), Clock.systemUTC(), lanes);
                String toXx = file(r, xx, "first, to the partner that hangs");
                String toUs = file(r, us, "second, to the partner that answers");

                // What the node's loop does on a tick: a lane per partner, started side by side.
                List<OutboxDelivery.Lane> pass = delivery.startDue(100);
                assertThat(pass).extracting(OutboxDelivery.Lane::partner).containsExactlyInAnyOrder(id(xx), id(us));
                assertThat(lane(pass, us).delivered().join()).isEqualTo(1);
                assertThat(usDb.concerns().history(toUs)).isEqualTo(r.db().concerns().history(toUs));
                hung.awaitConnections(1);
                assertThat(lane(pass, xx).delivered()).as("XX-CERT still hangs").isNotDone();

                // The next tick: US-CERT is served again while XX-CERT's lane is still busy.
                String later = file(r, us, "third, filed while XX-CERT still hangs");
                List<OutboxDelivery.Lane> tick = delivery.startDue(100);
                assertThat(tick).extracting(OutboxDelivery.Lane::partner).containsExactly(id(us));
                assertThat(tick.get(0).delivered().join()).isEqualTo(1);
                assertThat(usDb.concerns().history(later)).isEqualTo(r.db().concerns().history(later));

                hung.release();
                assertThat(lane(pass, xx).delivered().join()).isZero();
                assertThat(hung.connections()).isEqualTo(1);
                assertThat(r.db().outbox().entries(toXx)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(Outbox.State.PENDING);
                    assertThat(e.delivery().attempts()).isEqualTo(1);
                    assertThat(e.delivery().lastError()).contains("to XX-CERT").contains("no HTTP response");
                });
            } finally {
                lanes.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(120)
    void aPartnerThatNeverAnswersIsTriedOncePerPassNotOncePerMessage() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode xx = new TestNode(dir, "XX-CERT", "XX");
             HangingServer hung = new HangingServer(xx.port)) {
            connectOneWay(ru, xx);
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                // Fixed an hour ahead: everything filed is due, and what backs off is not due again in this test.
                Clock clock = Clock.fixed(Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
                OutboxDelivery delivery = delivery(r, Duration.ofSeconds(1), clock, Runnable::run);
                String a = file(r, xx, "one");
                String b = file(r, xx, "two");
                r.desk().act(a, new MessageBody.StatusUpdate("three: the attacks go on"));

                assertThat(delivery.deliverDue(100)).isZero();
                assertThat(hung.connections()).isEqualTo(1);
                List<Outbox.Delivery> waiting = r.db().outbox().due(Instant.parse("9999-01-01T00:00:00Z"), 100);
                assertThat(waiting).hasSize(3).allSatisfy(d -> {
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.nextAttempt()).isEqualTo(clock.instant().plus(NodeRuntime.BACKOFF_BASE));
                    assertThat(d.lastError()).contains("to XX-CERT").contains("no HTTP response");
                });
                assertThat(waiting.subList(1, 3)).allSatisfy(d -> assertThat(d.lastError()).startsWith("not tried: "));
                assertThat(waiting).extracting(Outbox.Delivery::concernId).containsExactly(a, b, a);

                assertThat(delivery.deliverDue(100)).as("backing off, all of them").isZero();
                assertThat(hung.connections()).isEqualTo(1);
            }
        }
    }

    /**
     * The same through {@code hotline serve} in its own process, whose timeouts are the real ones
     * (30 s for an answer): XX-CERT's node completes the TLS handshake and never answers the request.
     * US-CERT's message must arrive while XX-CERT's first request is still open; a serve that waits
     * on XX-CERT first delivers to US-CERT only after its client gave that request up. SIGTERM,
     * sent while XX-CERT's lane still waits, lets that lane finish and record its failure before
     * the database closes.
     */
    @Test
    @Timeout(120)
    void serveKeepsDeliveringToOthersWhileOnePartnerHangsAndStopsCleanly() throws Exception {
        try (TestNode ru = new TestNode(dir, "RU-CERT", "RU"); TestNode us = new TestNode(dir, "US-CERT", "US").start();
             TestNode xx = new TestNode(dir, "XX-CERT", "XX"); HangingServer hung = new HangingServer(xx.port, serverTls(xx))) {
            connect(ru, us);
            connectOneWay(ru, xx);
            String toXx;
            String toUs;
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                toXx = file(r, xx, "first, to the partner that hangs");
                toUs = file(r, us, "second, to the partner that answers");
            }
            Path out = dir.resolve("serve.out");
            Path err = dir.resolve("serve.err");
            Process serve = Cli.start(out, err, "serve", "--home", ru.home.toString(), "--deliver-every", "PT0.2S");
            try (NodeDatabase usDb = NodeDatabase.open(NodeHome.open(us.home).database())) {
                while (usDb.concerns().history(toUs).isEmpty()) {
                    assertThat(serve.isAlive()).as("serve is running: %s", Files.readString(err)).isTrue();
                    Thread.sleep(20);
                }
                assertThat(hung.connections()).as("XX-CERT was tried once").isEqualTo(1);
                assertThat(hung.open()).as("and its request is still unanswered").isEqualTo(1);

                serve.destroy();   // SIGTERM
                while (!Files.readString(err).contains("stopping")) {
                    assertThat(serve.isAlive()).as("serve stops through its shutdown hook: %s", Files.readString(err)).isTrue();
                    Thread.sleep(20);
                }
                hung.release();
                assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                serve.destroyForcibly();
            }
            assertThat(Files.readString(err)).contains("delivered 1 message(s) to US-CERT").doesNotContain("still waiting", "ERROR");
            try (NodeRuntime r = new NodeRuntime(NodeHome.open(ru.home))) {
                assertThat(r.db().outbox().isDelivered(toUs)).isTrue();
                assertThat(r.db().outbox().entries(toXx)).singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(Outbox.State.PENDING);
                    assertThat(e.delivery().attempts()).isEqualTo(1);
                    assertThat(e.delivery().lastError()).contains("to XX-CERT").contains("no HTTP response");
                });
            }
        }
    }

    /** XX-CERT's own TLS key, which RU-CERT pinned from its card: the handshake succeeds. */
    private static SSLContext serverTls(TestNode node) throws Exception {
        NodeHome home = NodeHome.open(node.home);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(home.keyStore(), home.tlsPassword());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    /**
     * The node's delivery as {@link NodeRuntime#delivery} puts it together, with the test's timeout for
     * connecting (which covers the TLS handshake a hung node never finishes) and for the request.
     */
    private static OutboxDelivery delivery(NodeRuntime r, Duration timeout, Clock clock, java.util.concurrent.Executor lanes) {
        TaxiiTransport transport = new TaxiiTransport(TaxiiClient.httpClient(r.tls(), timeout), p -> r.credentials(p.id()), timeout,
                TaxiiTransport.StatusPolling.standard(), r.validator());
        return new OutboxDelivery(r.db().channels(), r.db().concerns(), r.db().outbox(), transport, clock,
                NodeRuntime.BACKOFF_BASE, NodeRuntime.BACKOFF_CAP, lanes);
    }

    private void connect(TestNode a, TestNode b) {
        connectOneWay(a, b);
        connectOneWay(b, a);
    }

    /** {@code a}'s side of the channel only: enough to deliver to {@code b}, which need not be running. */
    private void connectOneWay(TestNode a, TestNode b) {
        Path secret = dir.resolve("secret-" + String.join("-", List.of(a.name, b.name).stream().sorted().toList()));
        a.ok("channel", "add", "--home", a.home.toString(), "--partner", b.card().toString(), "--secret-file", secret.toString());
    }

    private static String id(TestNode n) {
        return NodeHome.open(n.home).party().id();
    }

    /** Files a concern to {@code to} through the desk, which queues it without delivering it (a command would). */
    private static String file(NodeRuntime r, TestNode to, String summary) {
        Party self = r.home().party();
        return r.desk().file(new MessageBody.Filing(Channel.idFor(self.id(), id(to)), id(to), ConcernKind.ATTACK_NOTIFICATION,
                "SSH brute force: " + summary, null, Severity.MEDIUM, Tlp.GREEN, null), false).id();
    }

    private static OutboxDelivery.Lane lane(List<OutboxDelivery.Lane> lanes, TestNode to) {
        return lanes.stream().filter(l -> l.partner().equals(id(to))).findFirst().orElseThrow();
    }
}
