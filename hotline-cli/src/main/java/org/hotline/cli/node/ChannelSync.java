package org.hotline.cli.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Seal;
import org.hotline.channel.Tlp;
import org.hotline.channel.port.ConcernStore;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.Decoded;
import org.hotline.stix.mapping.StixReader;
import org.hotline.taxii.TaxiiCollections;
import org.hotline.taxii.client.ObjectFilter;
import org.hotline.taxii.client.PullResult;
import org.hotline.taxii.client.TaxiiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls a partner's shared collection (everything added after the last pull, paged as TAXII says)
 * and takes in the messages it finds through {@link ConcernDesk#receive}: the pull side of delivery,
 * for catching up after being offline or when the partner cannot reach this node. Messages are
 * applied per concern in chain order whatever order they came in; ones already held are duplicates.
 * A message the desk refuses is reported and skipped, never applied.
 */
public final class ChannelSync {

    /**
     * What one pull did. {@code refused} holds one sentence per refused object or message;
     * {@code forks} one per fork settled (see {@code Forks}): a step of ours set aside for the
     * partner's, or a partner's step that lost to ours (its node sets it aside; not a refusal).
     */
    public record Result(String partner, int pages, long objects, int applied, int duplicates, List<String> refused,
                         List<String> forks, String checkpoint) {}

    private final ConcernDesk desk;
    private final ConcernStore store;
    private final StixReader reader;

    public ChannelSync(ConcernDesk desk, ConcernStore store, StixReader reader) {
        this.desk = desk;
        this.store = store;
        this.reader = reader;
    }

    public Result pull(TaxiiClient client, Channel channel, String addedAfter) {
        List<JsonNode> objects = new ArrayList<>();
        ObjectFilter filter = addedAfter == null ? ObjectFilter.all() : ObjectFilter.all().withAddedAfter(addedAfter);
        PullResult pulled = client.pull(channel.partner().taxiiUrl(), TaxiiCollections.shared(channel.id()), filter,
                page -> objects.addAll(page.objects()));
        ObjectNode envelope = StixJson.object();
        ArrayNode array = envelope.putArray("objects");
        objects.forEach(array::add);
        Decoded decoded = reader.read(envelope, this::knownTlp);
        List<String> refused = new ArrayList<>();
        decoded.refused().forEach(r -> refused.add(r.objectId() + ": " + r.problem()));
        Map<String, List<Message>> byConcern = new LinkedHashMap<>();
        for (Decoded.Carried c : decoded.messages()) {
            byConcern.computeIfAbsent(c.message().concernId(), k -> new ArrayList<>()).add(c.message());
        }
        int applied = 0;
        int duplicates = 0;
        List<String> forks = new ArrayList<>();
        // Hashes of the partner's steps that lost a fork here, and of the steps pulled after them: its
        // node set them all aside, but its shared collection keeps them.
        java.util.Set<String> lost = new java.util.HashSet<>();
        for (List<Message> messages : byConcern.values()) {
            for (Message m : chainOrder(messages)) {
                try {
                    ConcernDesk.Receipt receipt = desk.receive(m);
                    if (receipt == ConcernDesk.Receipt.DUPLICATE) {
                        duplicates++;
                    } else {
                        applied++;
                    }
                    if (receipt == ConcernDesk.Receipt.APPLIED_OVER_FORK) {
                        store.superseded(m.concernId()).stream().filter(x -> x.by().equals(m.id()))
                                .forEach(x -> forks.add(org.hotline.channel.Forks.setAside(x)));
                    }
                } catch (ChannelException e) {
                    if (e.reason() == ChannelException.Reason.DIVERGED) {
                        lost.add(Seal.hash(m));
                        forks.add(m.id() + ": " + e.getMessage());
                    } else if (e.reason() == ChannelException.Reason.BROKEN_CHAIN && lost.contains(m.previousHash())) {
                        lost.add(Seal.hash(m));
                        forks.add(m.id() + ": follows " + m.previousHash() + ", a step that lost a fork here; set aside with it");
                    } else {
                        refused.add(m.id() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new Result(channel.partner().name(), pulled.pages(), pulled.objects(), applied, duplicates, refused,
                forks, pulled.checkpoint());
    }

    /**
     * The messages ordered so that each follows the one its previous hash names: from the filing when
     * the pull brought it (a first, full pull), else from the head of the stored history (an
     * incremental pull brings only what is new). Anything not linked that way goes last, in the
     * order it came, for the desk to refuse with its reason.
     */
    private List<Message> chainOrder(List<Message> messages) {
        // Several messages may follow one: a fork (a partner's shared collection keeps a step its node
        // set aside). Each is kept, never one in place of another; where the chain branches, the branch
        // this node already holds goes first, so the other meets the fork rule against it.
        Map<String, List<Message>> byPrevious = new LinkedHashMap<>();
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.body() instanceof MessageBody.Filing) {
                out.add(m);
            } else {
                byPrevious.computeIfAbsent(m.previousHash(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Message> stored = store.history(messages.get(0).concernId());
        String cursor = out.isEmpty() ? Seal.head(stored) : Seal.hash(out.get(0));
        while (cursor != null && byPrevious.containsKey(cursor)) {
            List<Message> next = byPrevious.get(cursor);
            Message pick = next.stream().filter(stored::contains).findFirst().orElse(next.get(0));
            next.remove(pick);
            if (next.isEmpty()) {
                byPrevious.remove(cursor);
            }
            out.add(pick);
            cursor = Seal.hash(pick);
        }
        byPrevious.values().forEach(out::addAll);
        return out;
    }

    private Optional<Tlp> knownTlp(String concernId) {
        List<Message> h = store.history(concernId);
        return h.isEmpty() ? Optional.empty() : Optional.of(((MessageBody.Filing) h.get(0).body()).tlp());
    }
}
