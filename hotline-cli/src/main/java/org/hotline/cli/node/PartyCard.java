package org.hotline.cli.node;

import java.net.URI;
import org.hotline.channel.Party;
import org.hotline.server.tls.NodeCertificate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a node hands to a partner so the partner can add the channel: its party (identity id, name,
 * country, Ed25519 public key, TAXII API root URL) and its TLS certificate, which the partner pins
 * both to trust this node's server and to recognise its client certificate. Nothing on it is secret.
 */
public record PartyCard(Party party, String certificatePem) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String certificateSha256() {
        return NodeCertificate.sha256(NodeCertificate.parsePem(certificatePem));
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", party.id());
        o.put("name", party.name());
        o.put("country", party.country());
        o.put("public_key", party.publicKey());
        o.put("taxii_url", party.taxiiUrl() == null ? null : party.taxiiUrl().toString());
        o.put("certificate_sha256", certificateSha256());
        o.put("certificate_pem", certificatePem);
        return o;
    }

    /** Reads a card; throws {@link IllegalArgumentException} naming the field that is wrong. */
    public static PartyCard read(JsonNode o) {
        Party party = new Party(text(o, "id"), text(o, "name"), text(o, "country"), text(o, "public_key"),
                o.path("taxii_url").isString() ? URI.create(o.get("taxii_url").stringValue()) : null);
        String pem = text(o, "certificate_pem");
        NodeCertificate.parsePem(pem);
        PartyCard card = new PartyCard(party, pem);
        if (o.has("certificate_sha256") && !card.certificateSha256().equals(o.get("certificate_sha256").asString())) {
            throw new IllegalArgumentException("certificate_sha256 does not match certificate_pem: the card was altered");
        }
        return card;
    }

    private static String text(JsonNode o, String name) {
        if (!o.path(name).isString()) {
            throw new IllegalArgumentException("party card: '" + name + "' is missing or not a string");
        }
        return o.get(name).stringValue();
    }
}
