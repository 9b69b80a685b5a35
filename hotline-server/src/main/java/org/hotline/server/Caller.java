package org.hotline.server;

/**
 * Who made a request, once authenticated.
 *
 * @param id     the party's STIX identity id (a partner), or a configured user name (a plain TAXII user)
 * @param name   for logs and messages
 * @param method how the caller proved it
 */
public record Caller(String id, String name, Method method) {

    /** The authentication that identified the caller. */
    public enum Method {
        /** HTTP Basic over TLS: TAXII 2.1's mandatory scheme. */
        BASIC,
        /** A pinned client certificate (mutual TLS). */
        CLIENT_CERTIFICATE,
        /** Both, and they named the same caller. */
        BASIC_AND_CLIENT_CERTIFICATE
    }
}
