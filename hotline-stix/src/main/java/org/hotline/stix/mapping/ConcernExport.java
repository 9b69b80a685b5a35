package org.hotline.stix.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.channel.CanonicalJson;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Seal;
import org.hotline.channel.Tlp;
import org.hotline.stix.StixJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A concern's whole history as STIX, in one stable order: the TLP 2.0 extension definition and the
 * concern's marking; Hotline's issuer identity and extension definition; the filer's and the
 * recipient's identities; then every message's objects in history order. An object rendered twice
 * (the same address in two sets of materials) appears once.
 *
 * <p>Because it is a pure function of the signed history and the two parties, the filer's and the
 * recipient's nodes export identical objects for the same concern; {@code hotline concern export}
 * and the two-node example compare exactly that.
 */
public final class ConcernExport {
    private ConcernExport() {}

    /**
     * @param parties must include the concern's filer and recipient (others are ignored)
     * @throws IllegalArgumentException for an empty history, one that does not start with a filing, or a missing party
     */
    public static List<ObjectNode> objects(List<Message> history, Collection<Party> parties) {
        MessageBody.Filing filing = filing(history);
        Tlp tlp = filing.tlp();
        List<ObjectNode> out = new ArrayList<>();
        out.add(TlpMarkings.extensionDefinition());
        out.add(TlpMarkings.marking(tlp));
        out.add(HotlineExtension.issuer());
        out.add(HotlineExtension.definition());
        out.add(PartyIdentity.render(party(parties, history.get(0).author())));
        out.add(PartyIdentity.render(party(parties, filing.recipient())));
        for (Message m : history) {
            out.addAll(MessageRenderer.render(m, tlp));
        }
        return distinct(out);
    }

    /**
     * The export as a STIX {@code bundle}, whose id is derived from the concern id and the hash of its
     * last message: the same history always gives the same bundle, a longer one a different bundle.
     */
    public static ObjectNode bundle(List<Message> history, Collection<Party> parties) {
        ObjectNode bundle = StixJson.object();
        bundle.put("type", "bundle");
        bundle.put("id", StixIds.derived("bundle", history.get(0).concernId() + "|" + Seal.head(history)));
        ArrayNode objects = bundle.putArray("objects");
        objects(history, parties).forEach(objects::add);
        return bundle;
    }

    /** A TAXII 2.1 envelope ({@code {"objects": [...]}}) of the given objects, for Add Objects. */
    public static ObjectNode envelope(List<ObjectNode> objects) {
        ObjectNode envelope = StixJson.object();
        ArrayNode a = envelope.putArray("objects");
        objects.forEach(a::add);
        return envelope;
    }

    /** The TLP of a history's concern (its filing's). */
    public static Tlp tlpOf(List<Message> history) {
        return filing(history).tlp();
    }

    private static MessageBody.Filing filing(List<Message> history) {
        if (history.isEmpty() || !(history.get(0).body() instanceof MessageBody.Filing f)) {
            throw new IllegalArgumentException("a concern's history starts with its filing");
        }
        return f;
    }

    private static Party party(Collection<Party> parties, String id) {
        return parties.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("party " + id + " of the concern is not among the parties given"));
    }

    /** Drops exact repeats; keeps two objects with one id but different content (SCOs have no version). */
    private static List<ObjectNode> distinct(List<ObjectNode> objects) {
        Set<String> seen = new HashSet<>();
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : objects) {
            if (seen.add(new String(CanonicalJson.bytes(o), java.nio.charset.StandardCharsets.UTF_8))) {
                out.add(o);
            }
        }
        return out;
    }
}
