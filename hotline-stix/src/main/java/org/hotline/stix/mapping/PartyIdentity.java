package org.hotline.stix.mapping;

import java.net.URI;
import java.util.Optional;
import org.hotline.channel.Party;
import org.hotline.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A party as a STIX {@code identity} (id = the party's id, class organization), with its country,
 * Ed25519 public key and TAXII API root in Hotline's extension, so a partner can read the key a
 * history is signed with from the same export.
 *
 * <p>Hazard: a key read from an incoming identity is a claim, not trust. Keys are trusted only from
 * the channel registry, where an operator put them after checking them out of band.
 *
 * <p>Hazard: {@link Party} has no version of its own, so {@code created}/{@code modified} are the fixed
 * {@link HotlineExtension#DEFINED}: both nodes render the same object, but a party whose key or URL
 * changes keeps the same STIX version. A stamp on {@code Party} (when this record of the party took
 * effect) would fix that.
 */
public final class PartyIdentity {
    private PartyIdentity() {}

    public static ObjectNode render(Party p) {
        ObjectNode o = StixJson.object();
        o.put("type", "identity");
        o.put("spec_version", "2.1");
        o.put("id", p.id());
        o.put("created", HotlineExtension.DEFINED);
        o.put("modified", HotlineExtension.DEFINED);
        o.put("name", p.name());
        o.put("identity_class", "organization");
        if (p.taxiiUrl() != null) {
            o.put("contact_information", "TAXII 2.1 API root: " + p.taxiiUrl());
        }
        ObjectNode party = HotlineExtension.entry(o).putObject("party");
        party.put("country", p.country());
        party.put("public_key", p.publicKey());
        if (p.taxiiUrl() != null) {
            party.put("taxii_api_root", p.taxiiUrl().toString());
        }
        return o;
    }

    /** The party an identity describes, if it carries Hotline's party extension. */
    public static Optional<Party> parse(JsonNode identity) {
        JsonNode party = identity.path("extensions").path(HotlineExtension.ID).path("party");
        if (!"identity".equals(identity.path("type").asString("")) || !party.isObject()) {
            return Optional.empty();
        }
        String url = party.path("taxii_api_root").asString(null);
        return Optional.of(new Party(identity.path("id").asString(null), identity.path("name").asString(null),
                party.path("country").asString(null), party.path("public_key").asString(null),
                url == null ? null : URI.create(url)));
    }
}
