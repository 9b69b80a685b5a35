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
        // A partner's card names it, and the name is printed in every list, log line and page: it
        // must read as what it is (no control characters, no bidirectional overrides), on one line.
        if (name.length() > 100 || name.chars().anyMatch(Party::misleads)) {
            throw new IllegalArgumentException("a party name is up to 100 characters, without control characters or"
                    + " bidirectional controls (such as a right-to-left override); this one has " + name.length() + " characters");
        }
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code in upper case: '" + country + "'");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("public key is required for party " + name);
        }
    }

    /** Control characters and the bidirectional controls; joiners, which Persian and Arabic names use, are letters' business. */
    private static boolean misleads(int c) {
        return Character.isISOControl(c) || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
