package org.hotline.server.channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Tlp;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Signer;
import org.hotline.server.Caller;
import org.hotline.server.ChannelRefusals;
import org.hotline.server.CollectionInfo;
import org.hotline.server.Intake;
import org.hotline.server.TaxiiException;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.Decoded;
import org.hotline.stix.mapping.StixReader;
import org.hotline.store.StixVersioning;
import org.hotline.taxii.TaxiiCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Takes in what a partner POSTs to its inbox: the envelope is read and validated as STIX (every
 * Hotline object must be exactly the rendering of the signed message it carries), then every message
 * is tried through the desk's own {@code receive} on a {@link TrialStore}, and only if all of them
 * pass are they received for real and the envelope's objects stored in the inbox. Anything refused
 * refuses the whole envelope with the reason ({@link ChannelRefusals}) and stores nothing. A message
 * already held is a success ("already present"), so redelivery is harmless.
 *
 * <p>Envelopes are read, validated and their signatures verified concurrently, then tried and
 * applied one at a time (a lock):
 * the trial and the real receive must see the same histories. What was taken is also added to the channel's shared collection, for the partner to read.
 */
public final class ChannelIntake implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelIntake.class);

    private final Party self;
    private final Signer signer;
    private final ChannelRegistry channels;
    private final ConcernStore concerns;
    private final Outbox outbox;
    private final CollectionStore collections;
    private final StixReader reader;
    private final java.time.Clock clock;
    private final Object lock = new Object();

    public ChannelIntake(Party self, Signer signer, ChannelRegistry channels, ConcernStore concerns, Outbox outbox,
                         CollectionStore collections, StixReader reader, java.time.Clock clock) {
        this.self = self;
        this.signer = signer;
        this.channels = channels;
        this.concerns = concerns;
        this.outbox = outbox;
        this.collections = collections;
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public List<Outcome> add(CollectionInfo collection, Caller caller, JsonNode envelope) {
        Channel channel = channels.channels().stream().filter(c -> TaxiiCollections.inbox(c.id()).equals(collection.id())
                && c.partner().id().equals(caller.id())).findFirst()
                .orElseThrow(() -> TaxiiException.forbidden("collection " + collection.id() + " is not " + caller.name() + "'s inbox"));
        // Reading and validating the STIX is most of the work and needs no lock; the known TLP of a
        // concern cannot change once it is filed.
        Decoded decoded = reader.read(envelope, this::knownTlp);
        // So is serialising the objects to store (pure; skipped for an envelope that will be refused).
        List<CollectionStore.NewObject> objects = decoded.refused().isEmpty() ? newObjects(decoded.accepted()) : List.of();
        // And so is checking the partner's signatures: the desks below ask again under the lock, with
        // the key they find, and get these answers without a second Ed25519 verification.
        VerifiedSignatures signatures = new VerifiedSignatures();
        if (decoded.refused().isEmpty()) {
            decoded.messages().stream().map(Decoded.Carried::message).filter(m -> m.author().equals(channel.partner().id()))
                    .forEach(m -> signatures.test(m, channel.partner().publicKey()));
        }
        synchronized (lock) {
            if (!decoded.refused().isEmpty()) {
                Decoded.Refusal first = decoded.refused().get(0);
                String all = decoded.refused().stream().limit(5).map(Decoded.Refusal::problem).collect(Collectors.joining("; "));
                throw refuse(caller, new ChannelException(first.reason(), decoded.refused().size() + " of "
                        + envelope.get("objects").size() + " objects refused, so none was stored: " + all));
            }
            List<Message> messages = decoded.messages().stream().map(Decoded.Carried::message).toList();
            java.util.Map<String, String> filed = new java.util.HashMap<>();
            for (Message m : messages) {
                if (m.body() instanceof MessageBody.Filing f) {
                    filed.put(m.concernId(), f.channelId());
                }
            }
            for (Message m : messages) {
                if (!filed.getOrDefault(m.concernId(), channelOf(m)).equals(channel.id())) {
                    throw refuse(caller, new ChannelException(ChannelException.Reason.FORBIDDEN, "message " + m.id()
                            + " belongs to another channel than " + caller.name() + "'s; nothing was stored"));
                }
            }
            TrialStore trial = new TrialStore(concerns, outbox);
            ConcernDesk trialDesk = new ConcernDesk(self, signer, channels, trial, trial, clock, signatures);
            ConcernDesk desk = new ConcernDesk(self, signer, channels, concerns, outbox, clock, signatures);
            try {
                messages.forEach(trialDesk::receive);
            } catch (ChannelException e) {
                throw refuse(caller, new ChannelException(e.reason(), e.getMessage() + "; nothing was stored"));
            }
            int applied = 0;
            Set<String> touched = new LinkedHashSet<>();
            for (Message m : messages) {
                // Checked by the trial just now under the same lock; the real desk checks again (cheap
                // next to the STIX validation) so nothing is stored on the trial's word alone. The
                // signatures were verified once, above; both desks ask and get that answer.
                ConcernDesk.Receipt receipt = desk.receive(m);
                if (receipt != ConcernDesk.Receipt.DUPLICATE) {
                    applied++;
                    touched.add(m.concernId());
                }
                if (receipt == ConcernDesk.Receipt.APPLIED_OVER_FORK) {
                    concerns.superseded(m.concernId()).stream().filter(x -> x.by().equals(m.id()))
                            .forEach(x -> LOG.warn("{}", org.hotline.channel.Forks.setAside(x)));
                }
            }
            // The accepted objects are exactly the rendering of the messages they carry (the reader
            // checked that), so they are what the shared collection must hold for these messages: no
            // second rendering. The partner's messages reach the shared collection this way, ours when
            // we append them (SharedCollection.publish).
            List<Outcome> outcomes = outcomes(objects, collections.add(collection.id(), objects));
            if (!touched.isEmpty()) {
                collections.add(TaxiiCollections.shared(channel.id()), objects);
            }
            LOG.info("took {} new of {} messages ({} objects) from {} on channel {}", applied, messages.size(),
                    outcomes.size(), caller.name(), channel.id());
            return outcomes;
        }
    }

    private static List<CollectionStore.NewObject> newObjects(List<JsonNode> objects) {
        List<CollectionStore.NewObject> news = new ArrayList<>(objects.size());
        for (JsonNode o : objects) {
            news.add(StixVersioning.newObject(o, StixJson.write(o)));
        }
        return news;
    }

    private static List<Outcome> outcomes(List<CollectionStore.NewObject> objects, List<CollectionStore.Added> added) {
        List<Outcome> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            boolean already = added.get(i) == CollectionStore.Added.ALREADY_PRESENT;
            out.add(new Outcome(objects.get(i).id(), objects.get(i).version(), true, already ? "already present" : null));
        }
        return out;
    }

    private TaxiiException refuse(Caller caller, ChannelException e) {
        LOG.warn("refused an envelope from {}: {} ({})", caller.name(), e.getMessage(), ChannelRefusals.code(e.reason()));
        return ChannelRefusals.toTaxii(e);
    }

    private String channelOf(Message m) {
        if (m.body() instanceof MessageBody.Filing f) {
            return f.channelId();
        }
        List<Message> h = concerns.history(m.concernId());
        return h.isEmpty() ? "" : ((MessageBody.Filing) h.get(0).body()).channelId();
    }

    private Optional<Tlp> knownTlp(String concernId) {
        List<Message> h = concerns.history(concernId);
        return h.isEmpty() ? Optional.empty() : Optional.of(((MessageBody.Filing) h.get(0).body()).tlp());
    }
}
