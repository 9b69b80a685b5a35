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
 * <p>Envelopes are taken one at a time (a lock): the trial and the real receive must see the same
 * histories. Concerns touched are published again to the channel's shared collection.
 */
public final class ChannelIntake implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelIntake.class);

    private final Party self;
    private final Signer signer;
    private final ChannelRegistry channels;
    private final ConcernStore concerns;
    private final Outbox outbox;
    private final CollectionStore collections;
    private final ConcernDesk desk;
    private final StixReader reader;
    private final SharedCollection shared;
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
        this.desk = new ConcernDesk(self, signer, channels, concerns, outbox, clock);
        this.shared = new SharedCollection(collections);
    }

    @Override
    public List<Outcome> add(CollectionInfo collection, Caller caller, JsonNode envelope) {
        Channel channel = channels.channels().stream().filter(c -> TaxiiCollections.inbox(c.id()).equals(collection.id())
                && c.partner().id().equals(caller.id())).findFirst()
                .orElseThrow(() -> TaxiiException.forbidden("collection " + collection.id() + " is not " + caller.name() + "'s inbox"));
        synchronized (lock) {
            Decoded decoded = reader.read(envelope, this::knownTlp);
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
            ConcernDesk trialDesk = new ConcernDesk(self, signer, channels, trial, trial, clock);
            try {
                messages.forEach(trialDesk::receive);
            } catch (ChannelException e) {
                throw refuse(caller, new ChannelException(e.reason(), e.getMessage() + "; nothing was stored"));
            }
            int applied = 0;
            Set<String> touched = new LinkedHashSet<>();
            for (Message m : messages) {
                if (desk.receive(m) == ConcernDesk.Receipt.APPLIED) {
                    applied++;
                    touched.add(m.concernId());
                }
            }
            List<Outcome> outcomes = store(collection.id(), decoded.accepted());
            for (String concernId : touched) {
                shared.publish(channel, concerns.history(concernId));
            }
            LOG.info("took {} new of {} messages ({} objects) from {} on channel {}", applied, messages.size(),
                    outcomes.size(), caller.name(), channel.id());
            return outcomes;
        }
    }

    private List<Outcome> store(String collection, List<JsonNode> objects) {
        List<CollectionStore.NewObject> news = new ArrayList<>();
        for (JsonNode o : objects) {
            news.add(StixVersioning.newObject(o, StixJson.write(o)));
        }
        List<CollectionStore.Added> added = collections.add(collection, news);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < news.size(); i++) {
            boolean already = added.get(i) == CollectionStore.Added.ALREADY_PRESENT;
            out.add(new Outcome(news.get(i).id(), news.get(i).version(), true, already ? "already present" : null));
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
