package org.hotline.taxii.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.OutboxDelivery;
import org.hotline.channel.Party;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;
import org.hotline.stix.MemoryNode;
import org.hotline.stix.StixJson;
import org.hotline.stix.TwoNodes;
import org.hotline.stix.mapping.Decoded;
import org.hotline.stix.mapping.StixReader;
import org.hotline.stix.validate.StixValidator;
import org.hotline.taxii.TaxiiCollections;
import org.hotline.taxii.TaxiiMediaTypes;
import org.hotline.taxii.client.TaxiiTestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RU-CERT's outbox delivering to US-CERT's inbox over real HTTP. The inbox here is what the TAXII
 * server will do with an Add Objects request, built from the real parts: read the envelope with
 * {@link StixReader}, hand each message to US-CERT's desk, and report per object in the status.
 */
class TaxiiTransportTest {
    final TwoNodes nodes = new TwoNodes();
    final TaxiiTestServer server = new TaxiiTestServer();
    final String inbox = TaxiiCollections.inbox(nodes.ruSide.id());
    final String inboxPath = "/taxii2/us/collections/" + inbox + "/objects/";
    final StixReader reader = new StixReader(StixValidator.standard());
    final TaxiiTransport transport = new TaxiiTransport(TaxiiClient.httpClient(TaxiiClientTest.defaultTls(), Duration.ofSeconds(5)),
            p -> p.id().equals(nodes.us.party.id()) ? Optional.of(new TaxiiCredentials("ru-cert", "s3cret")) : Optional.empty(),
            Duration.ofSeconds(5), new TaxiiTransport.StatusPolling(3, Duration.ZERO), StixValidator.standard());
    OutboxDelivery outbox;

    @BeforeEach
    void pointRuAtTheServer() {
        Party us = nodes.us.party;
        Party usHere = new Party(us.id(), us.name(), us.country(), us.publicKey(), server.uri("/taxii2/us/"));
        nodes.ru.save(new Channel(nodes.ruSide.id(), nodes.ru.party, usHere, nodes.ruSide.terms(), nodes.ruSide.created()));
        outbox = new OutboxDelivery(nodes.ru, nodes.ru, nodes.ru, transport, nodes.ru.clock(), Duration.ofMinutes(1), Duration.ofHours(6),
                Runnable::run);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOutboxDeliversEachStepAndThePartnerAppliesItOnce() {
        server.on("POST", inboxPath, r -> Reply.taxii(202, StixJson.write(apply(r, nodes.us))));
        String concernId = file();
        assertThat(outbox.deliverDue(10)).isEqualTo(1);
        assertThat(nodes.us.history(concernId)).isEqualTo(nodes.ru.history(concernId));
        assertThat(nodes.ru.isDelivered(concernId)).isTrue();

        nodes.ru.desk.act(concernId, new MessageBody.StatusUpdate("The attacks continue today from the same sources."));
        assertThat(outbox.deliverDue(10)).isEqualTo(1);
        assertThat(nodes.us.history(concernId)).hasSize(2).isEqualTo(nodes.ru.history(concernId));
        assertThat(nodes.ru.failures()).isEmpty();

        List<TaxiiTestServer.Recorded> posts = server.requests();
        assertThat(posts).hasSize(2).allSatisfy(p -> {
            assertThat(p.header("Content-Type")).isEqualTo(TaxiiMediaTypes.TAXII_21);
            assertThat(p.header("Accept")).isEqualTo(TaxiiMediaTypes.TAXII_21);
            // printf ru-cert:s3cret | base64
            assertThat(p.header("Authorization")).isEqualTo("Basic cnUtY2VydDpzM2NyZXQ=");
        });
        // The second delivery carries the whole history again (7 fixed objects + the incident the
        // first time; 1 more note the second); the partner keeps the filing as a duplicate.
        assertThat(StixJson.read(posts.get(0).body()).get("objects")).hasSize(7);
        assertThat(StixJson.read(posts.get(1).body()).get("objects")).hasSize(8);
    }

    @Test
    void aPendingStatusIsFollowedUntilComplete() {
        AtomicReference<ObjectNode> done = new AtomicReference<>();
        server.on("POST", inboxPath, r -> {
            ObjectNode status = apply(r, nodes.us);
            done.set(status);
            ObjectNode pending = status.deepCopy();
            pending.put("status", "pending");
            return Reply.taxii(202, StixJson.write(pending));
        });
        server.on("GET", "/taxii2/us/status/" + STATUS_ID + "/", r -> Reply.taxii(200, StixJson.write(done.get())));
        String concernId = file();
        assertThat(outbox.deliverDue(10)).isEqualTo(1);
        assertThat(nodes.us.history(concernId)).hasSize(1);
        assertThat(server.requests()).extracting(TaxiiTestServer.Recorded::method).containsExactly("POST", "GET");
    }

    @Test
    void objectsThePartnerRefusesFailTheDeliveryForGood() {
        MemoryNode strangerToRu = new MemoryNode(nodes.us.party, nodes.us.key, nodes.us.clock());
        server.on("POST", inboxPath, r -> Reply.taxii(202, StixJson.write(apply(r, strangerToRu))));
        String concernId = file();
        assertThat(outbox.deliverDue(10)).isZero();
        assertThat(nodes.ru.failures()).singleElement().satisfies(f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.error()).startsWith("delivering concern " + concernId + " (1 message) to US-CERT, collection "
                    + inbox + " at " + server.uri("/taxii2/us/") + ", attempt 1: HTTP 202 but the partner refused 1 of 7 objects: "
                    + concernId + " (no channel " + nodes.ruSide.id() + " here");
        });
        assertThat(outbox.deliverDue(10)).as("a permanent failure is not retried").isZero();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedAndSayWhichAttempt() {
        server.on("POST", inboxPath, r -> Reply.error(503, "Service Unavailable", "the store is being migrated"));
        file();
        assertThat(outbox.deliverDue(10)).isZero();
        assertThat(outbox.deliverDue(10)).isZero();
        assertThat(nodes.ru.failures()).hasSize(2).allSatisfy(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.error()).contains("to US-CERT, collection " + inbox)
                    .contains(": POST " + server.uri(inboxPath) + ": HTTP 503: Service Unavailable: the store is being migrated");
        });
        assertThat(nodes.ru.failures().get(0).error()).contains("attempt 1:");
        assertThat(nodes.ru.failures().get(1).error()).contains("attempt 2:");
    }

    @Test
    void aRequestThePartnerCannotAcceptIsPermanentAndRateLimitsAreNot() {
        server.on("POST", inboxPath, r -> Reply.error(413, "Payload Too Large", "max_content_length is 1024"));
        file();
        outbox.deliverDue(10);
        assertThat(nodes.ru.failures()).singleElement().satisfies(f -> assertThat(f.permanent()).isTrue());

        TwoNodes other = new TwoNodes();
        Channel ruSide = other.ruSide;
        Channel pointed = new Channel(ruSide.id(), ruSide.local(), new Party(ruSide.partner().id(), ruSide.partner().name(),
                ruSide.partner().country(), ruSide.partner().publicKey(), server.uri("/taxii2/us/")), ruSide.terms(), ruSide.created());
        server.on("POST", "/taxii2/us/collections/" + TaxiiCollections.inbox(ruSide.id()) + "/objects/",
                r -> Reply.error(429, "Too Many Requests", "slow down"));
        List<Message> history = other.rejectedHistory();
        assertThat(deliveryError(pointed, history)).satisfies(e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 429");
        });
    }

    @Test
    void aConflictIsRetriedBecauseTheNextAttemptCarriesTheWholeHistory() {
        // A Hotline node answers 409 when an envelope does not continue what it holds yet.
        server.on("POST", inboxPath, r -> Reply.error(409, "Conflict", "concern not known here yet"));
        file();
        assertThat(outbox.deliverDue(10)).isZero();
        assertThat(nodes.ru.failures()).singleElement().satisfies(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.error()).contains("HTTP 409");
        });
    }

    @Test
    void aPartnerWithoutAnApiRootOrNotListeningFails() {
        List<Message> history = nodes.rejectedHistory();
        Party us = nodes.us.party;
        Channel offline = new Channel(nodes.ruSide.id(), nodes.ru.party,
                new Party(us.id(), us.name(), us.country(), us.publicKey(), null), nodes.ruSide.terms(), nodes.ruSide.created());
        assertThat(deliveryError(offline, history)).satisfies(e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).endsWith("US-CERT has no TAXII API root configured");
        });
        Channel closed = new Channel(nodes.ruSide.id(), nodes.ru.party,
                new Party(us.id(), us.name(), us.country(), us.publicKey(), URI.create("http://127.0.0.1:9/taxii2/us/")),
                nodes.ruSide.terms(), nodes.ruSide.created());
        assertThat(deliveryError(closed, history)).satisfies(e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("attempt 1: POST http://127.0.0.1:9/taxii2/us/collections/" + TaxiiCollections.inbox(nodes.ruSide.id())
                    + "/objects/: no HTTP response: cannot connect");
        });
    }

    /**
     * The outbox stops trying a partner's other messages for a pass only on failures that hold for
     * the whole node; a 409 or a 500 may be this envelope's doing and must not hold the others back.
     */
    @Test
    void onlyFailuresOfTheWholeNodeSayThePartnerIsUnavailable() {
        Channel channel = nodes.ru.channel(nodes.ruSide.id()).orElseThrow();
        List<Message> history = nodes.rejectedHistory();
        for (int status : new int[] {408, 429, 502, 503, 504, 409, 500, 413}) {
            server.on("POST", inboxPath, r -> Reply.error(status, "Status " + status, "as the test asks"));
            boolean wholeNode = status != 409 && status != 500 && status != 413;
            assertThat(deliveryError(channel, history)).as("HTTP %d", status).satisfies(e -> {
                assertThat(e.partnerUnavailable()).isEqualTo(wholeNode);
                assertThat(e.permanent()).isEqualTo(status == 413);
                assertThat(e.getMessage()).contains("HTTP " + status);
            });
        }
        Party us = nodes.us.party;
        Channel closed = new Channel(nodes.ruSide.id(), nodes.ru.party,
                new Party(us.id(), us.name(), us.country(), us.publicKey(), URI.create("http://127.0.0.1:9/taxii2/us/")),
                nodes.ruSide.terms(), nodes.ruSide.created());
        assertThat(deliveryError(closed, history).partnerUnavailable()).as("no response").isTrue();
    }

    static final String STATUS_ID = "9b0c1a52-6d0e-4b55-8a1c-3f4e2d1c0b9a";

    private String file() {
        return nodes.ru.desk.file(new MessageBody.Filing(nodes.ruSide.id(), nodes.us.party.id(), ConcernKind.ATTACK_NOTIFICATION,
                "SSH brute force from 198.51.100.23", null, Severity.MEDIUM, Tlp.GREEN, null), false).id();
    }

    private org.hotline.channel.port.Transport.DeliveryException deliveryError(Channel channel, List<Message> history) {
        try {
            transport.deliver(channel, history);
        } catch (org.hotline.channel.port.Transport.DeliveryException e) {
            return e;
        }
        throw new AssertionError("delivery succeeded");
    }

    /** The partner's inbox: reads the envelope, applies each message to the desk, reports per object. */
    private ObjectNode apply(TaxiiTestServer.Recorded request, MemoryNode to) {
        JsonNode envelope = StixJson.read(request.body());
        Decoded d = reader.read(envelope, id -> to.history(id).isEmpty() ? Optional.empty()
                : Optional.of(((MessageBody.Filing) to.history(id).get(0).body()).tlp()));
        ObjectNode status = StixJson.object();
        status.put("id", STATUS_ID);
        status.put("status", "complete");
        status.put("total_count", envelope.get("objects").size());
        ArrayNode successes = StixJson.NODES.arrayNode();
        ArrayNode failures = StixJson.NODES.arrayNode();
        for (Decoded.Carried c : d.messages()) {
            try {
                to.desk.receive(c.message());
                c.objects().forEach(o -> successes.addObject().put("id", o.get("id").stringValue()));
            } catch (ChannelException e) {
                c.objects().forEach(o -> failures.addObject().put("id", o.get("id").stringValue()).put("message", e.getMessage()));
            }
        }
        d.others().forEach(o -> successes.addObject().put("id", o.get("id").stringValue()));
        d.refused().forEach(r -> failures.addObject().put("id", r.objectId()).put("message", r.problem()));
        status.put("success_count", successes.size());
        if (!successes.isEmpty()) {
            status.set("successes", successes);
        }
        status.put("failure_count", failures.size());
        if (!failures.isEmpty()) {
            status.set("failures", failures);
        }
        status.put("pending_count", 0);
        return status;
    }
}
