package org.hotline.channel;

import java.net.URI;
import org.hotline.Printable;

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

    /**
     * Refuses a party whose name or TAXII address would not read as what it is, where a party comes
     * in (party init, a partner's card at channel add): both are printed in every list, log line and
     * page, so no control characters, no bidirectional overrides, and a name of at most 100
     * characters. Not on what is stored: a node set up by an earlier version must still start.
     */
    public void checkShown() {
        checkName(name);
        String url = taxiiUrl == null ? "" : taxiiUrl.toString();
        int at = firstMisleading(url);
        if (at >= 0) {
            throw new IllegalArgumentException("party " + name + ": its TAXII URL holds " + String.format(java.util.Locale.ROOT, "U+%04X", (int) url.charAt(at))
                    + " at position " + (at + 1) + ", a control character or bidirectional control");
        }
    }

    /** The name rule of {@link #checkShown}, for a name before its party is made. */
    public static void checkName(String name) {
        if (name.length() > 100) {
            throw new IllegalArgumentException("party name '" + name.substring(0, 40) + "...' has " + name.length()
                    + " characters; at most 100");
        }
        int at = firstMisleading(name);
        if (at >= 0) {
            throw new IllegalArgumentException("party name holds " + String.format(java.util.Locale.ROOT, "U+%04X", (int) name.charAt(at)) + " at position "
                    + (at + 1) + ", a control character or bidirectional control, which would make it read as another text");
        }
    }

    private static int firstMisleading(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Printable.misleads(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
