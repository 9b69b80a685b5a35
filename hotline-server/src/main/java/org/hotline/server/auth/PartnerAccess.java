package org.hotline.server.auth;

/**
 * How one caller may prove who it is: a password (kept only as a {@link PasswordHash}) for HTTP
 * Basic with {@code username}, and/or a pinned TLS client certificate.
 *
 * @param id                 the caller's id: a partner's STIX identity id
 * @param name               for logs, e.g. "US-CERT"
 * @param username           the HTTP Basic user name, or null if Basic is not allowed
 * @param passwordHash       the PBKDF2 hash of its password, or null if Basic is not allowed
 * @param certificateSha256  lower-case hex SHA-256 of its certificate (DER), or null if mutual TLS is not set up
 */
public record PartnerAccess(String id, String name, String username, String passwordHash, String certificateSha256) {
    public PartnerAccess {
        if ((username == null) != (passwordHash == null)) {
            throw new IllegalArgumentException("a Basic login needs both a user name and a password hash: " + name);
        }
        if (username == null && certificateSha256 == null) {
            throw new IllegalArgumentException(name + " has neither a password nor a certificate: it could never log in");
        }
    }
}
