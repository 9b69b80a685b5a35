package org.hotline.cli.node;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.hotline.HotlineException;
import org.hotline.channel.Channel;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Ed25519;
import org.hotline.channel.MessageBody;
import org.hotline.channel.OutboxDelivery;
import org.hotline.server.TaxiiServer;
import org.hotline.server.TaxiiSettings;
import org.hotline.server.ServerTls;
import org.hotline.server.auth.PartnerAuthenticator;
import org.hotline.server.channel.ChannelCatalog;
import org.hotline.server.channel.ChannelIntake;
import org.hotline.server.channel.ChannelReadout;
import org.hotline.server.channel.SharedCollection;
import org.hotline.server.tls.NodeCertificate;
import org.hotline.stix.mapping.StixReader;
import org.hotline.stix.validate.StixValidator;
import org.hotline.store.NodeDatabase;
import org.hotline.taxii.client.TaxiiClient;
import org.hotline.taxii.client.TaxiiCredentials;
import org.hotline.taxii.client.TaxiiTls;
import org.hotline.taxii.client.TaxiiTransport;

/**
 * The composition root of a node: its home, its database, and the channel's services on them (the
 * desk, publication to shared collections, outbox delivery over TAXII, the TAXII server). Every node
 * command builds one, does its work, and closes it.
 *
 * <p>TLS towards partners trusts exactly their pinned certificates and presents this node's own
 * (mutual TLS); Basic credentials go along as well, so a partner that requires either is satisfied.
 */
public final class NodeRuntime implements AutoCloseable {
    /** Outbox retries: 5 s, doubling, at most 10 minutes apart. */
    public static final Duration BACKOFF_BASE = Duration.ofSeconds(5);
    public static final Duration BACKOFF_CAP = Duration.ofMinutes(10);

    private final NodeHome home;
    private final NodeDatabase db;
    private final Clock clock = Clock.systemUTC();
    private final Ed25519 signer;
    private final ConcernDesk desk;
    private final SharedCollection shared;
    private final StixValidator validator = StixValidator.standard();

    public NodeRuntime(NodeHome home) {
        this.home = home;
        this.db = NodeDatabase.open(home.database(), clock);
        this.signer = home.signer();
        this.desk = new ConcernDesk(home.party(), signer, db.channels(), db.concerns(), db.outbox(), clock);
        this.shared = new SharedCollection(db.collections());
    }

    public NodeHome home() {
        return home;
    }

    public NodeDatabase db() {
        return db;
    }

    public ConcernDesk desk() {
        return desk;
    }

    public StixValidator validator() {
        return validator;
    }

    /** Publishes a concern's history to its channel's shared collection (after a step was taken here). */
    public void publish(String concernId) {
        var history = db.concerns().history(concernId);
        String channelId = ((MessageBody.Filing) history.get(0).body()).channelId();
        shared.publish(channel(channelId), history);
    }

    public Channel channel(String channelId) {
        return db.channels().channel(channelId).orElseThrow(() -> new HotlineException("no channel " + channelId));
    }

    /** An HTTP client that trusts only partners' pinned certificates and presents this node's. */
    public HttpClient httpClient() {
        return TaxiiClient.httpClient(tls(), Duration.ofSeconds(10));
    }

    /** TLS towards partners: trusts only their pinned certificates, presents this node's (mutual TLS). */
    public javax.net.ssl.SSLContext tls() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (PartnerLink p : home.partners()) {
                trust.setCertificateEntry(p.card().party().id(), NodeCertificate.parsePem(p.card().certificatePem()));
            }
            return TaxiiTls.context(trust, home.keyStore(), home.tlsPassword());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new HotlineException("setting up TLS towards partners", e);
        }
    }

    public Optional<TaxiiCredentials> credentials(String partnerId) {
        return home.partners().stream().filter(p -> p.card().party().id().equals(partnerId)).findFirst()
                .map(p -> new TaxiiCredentials(home.party().id(), p.outboundPassword()));
    }

    /** Outbox delivery for a command: it delivers one concern ({@link OutboxDelivery#deliverConcern}) on its own thread. */
    public OutboxDelivery delivery() {
        return delivery(Runnable::run);
    }

    /** Outbox delivery over TAXII, each partner's lane run on {@code lanes} (see {@link OutboxDelivery}). */
    public OutboxDelivery delivery(Executor lanes) {
        TaxiiTransport transport = new TaxiiTransport(httpClient(), p -> credentials(p.id()), Duration.ofSeconds(30),
                TaxiiTransport.StatusPolling.standard(), validator);
        return new OutboxDelivery(db.channels(), db.concerns(), db.outbox(), transport, clock, BACKOFF_BASE, BACKOFF_CAP, lanes);
    }

    /** The node's TAXII server on its listen address (not started). */
    public TaxiiServer server(int port) {
        HostPort listen = home.listen();
        TaxiiSettings settings = new TaxiiSettings("Hotline node " + home.party().name(),
                "TAXII 2.1 server of " + home.party().name() + " for its Hotline channels", null,
                java.net.URI.create(home.party().taxiiUrl().resolve("/").toString()), NodeHome.API_ROOT,
                home.party().name() + " channels", EnvelopeSize.MAX_BYTES, 100, 1000);
        PartnerAuthenticator auth = new PartnerAuthenticator(() -> home.partners().stream().map(PartnerLink::access).toList());
        ChannelIntake intake = new ChannelIntake(home.party(), signer, db.channels(), db.concerns(), db.outbox(),
                db.collections(), new StixReader(validator), clock);
        return new TaxiiServer(settings, auth, new ChannelCatalog(db.channels()), db.collections(), intake,
                new ChannelReadout(db.channels(), db.outbox(), clock), db.statuses(),
                clock, ServerTls.contextFactory(home.keyStore(), home.tlsPassword()), listen.host(), port);
    }

    public List<PartnerLink> partners() {
        return home.partners();
    }

    @Override
    public void close() {
        db.close();
    }
}
