package org.hotline.channel;

import java.net.URI;

/**
 * A node's identity: a CERT or agency that files and answers concerns.
 *
 * @param id        the STIX identity id, {@code identity--<uuid>}; stable for the life of the party
 * @param name      e.g. "US-CERT"
 * @param country   ISO 3166-1 alpha-2 of its jurisdiction, upper case
 * @param publicKey the party's Ed25519 public key, base64 of the 32 raw bytes (RFC 8032); every
 *                  message it authors must verify with it
 * @param taxiiUrl  the TAXII 2.1 API root of its node, or null when not reachable (offline partner)
 */
public record Party(String id, String name, String country, String publicKey, URI taxiiUrl) {
    public Party {
        Ids.require(id, "identity");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("party name is required");
        }
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code in upper case: '" + country + "'");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("public key is required for party " + name);
        }
    }
}
