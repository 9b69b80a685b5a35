package org.hotline.taxii.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic credentials for one TAXII server, the authentication scheme TAXII 2.1 mandates. Sent on
 * every request (not after a 401 challenge) and only over TLS, or plain HTTP to a loopback address
 * (see {@link TaxiiClient}).
 */
public record TaxiiCredentials(String user, String password) {
    public TaxiiCredentials {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name must be non-empty and contain no ':' (RFC 7617)");
        }
        if (password == null) {
            throw new IllegalArgumentException("a Basic password is required (it may be empty)");
        }
    }

    /** The Authorization header value. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "TaxiiCredentials[user=" + user + ", password=***]";
    }
}
