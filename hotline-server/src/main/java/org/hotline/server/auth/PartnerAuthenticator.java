package org.hotline.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hotline.channel.Seal;
import org.hotline.server.Authenticator;
import org.hotline.server.Caller;
import org.hotline.server.TaxiiException;
import org.hotline.server.tls.NodeCertificate;

/**
 * Authenticates partners by HTTP Basic (TAXII's mandatory scheme) and by pinned client certificate.
 *
 * <ul>
 *   <li>Only a certificate: it must be one of the pinned partner certificates.</li>
 *   <li>Only Basic: user name and password must match a partner's.</li>
 *   <li>Both: <em>both</em> must verify and name the same partner; a valid password sent over
 *       another partner's certificate is refused. A certificate that matches no partner is ignored
 *       (a client may present its certificate to every server) only if Basic succeeds.</li>
 *   <li>Neither: 401.</li>
 * </ul>
 *
 * <p>The access list is read from {@code partners} on each request, so a channel added while the
 * server runs takes effect at once. Successful Basic logins are remembered by the SHA-256 of the
 * header, so PBKDF2 runs once per client and password, not once per request; a password changed in
 * the access list stops matching because the remembered entry names the hash it was checked against.
 * An address that sent too many wrong ones gets no check for a while ({@link PasswordGuesses}).
 */
public final class PartnerAuthenticator implements Authenticator {
    private final Supplier<List<PartnerAccess>> partners;
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final PasswordGuesses guesses;

    public PartnerAuthenticator(Supplier<List<PartnerAccess>> partners) {
        this(partners, Clock.systemUTC());
    }

    /** @param clock when wrong passwords were sent, for {@link PasswordGuesses} */
    public PartnerAuthenticator(Supplier<List<PartnerAccess>> partners, Clock clock) {
        this.partners = partners;
        this.guesses = new PasswordGuesses(clock);
    }

    @Override
    public Caller authenticate(String authorization, X509Certificate[] clientChain, String clientAddress) {
        List<PartnerAccess> all = partners.get();
        PartnerAccess byCertificate = null;
        if (clientChain != null && clientChain.length > 0) {
            String fingerprint = NodeCertificate.sha256(clientChain[0]);
            byCertificate = all.stream().filter(p -> fingerprint.equals(p.certificateSha256())).findFirst().orElse(null);
        }
        if (authorization == null || authorization.isBlank()) {
            if (byCertificate == null) {
                throw TaxiiException.unauthorized(clientChain == null || clientChain.length == 0
                        ? "credentials required: HTTP Basic or a partner's client certificate"
                        : "the client certificate is not pinned for any partner of this node, and no HTTP Basic credentials were sent");
            }
            return new Caller(byCertificate.id(), byCertificate.name(), Caller.Method.CLIENT_CERTIFICATE);
        }
        PartnerAccess byPassword = basic(authorization, all, clientAddress);
        if (byCertificate != null && !byCertificate.id().equals(byPassword.id())) {
            throw TaxiiException.unauthorized("the client certificate and the HTTP Basic credentials name different partners");
        }
        return new Caller(byPassword.id(), byPassword.name(),
                byCertificate != null ? Caller.Method.BASIC_AND_CLIENT_CERTIFICATE : Caller.Method.BASIC);
    }

    private PartnerAccess basic(String authorization, List<PartnerAccess> all, String address) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TaxiiException.unauthorized("only HTTP Basic (over TLS) and client certificates are accepted");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TaxiiException.unauthorized("the HTTP Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TaxiiException.unauthorized("the HTTP Basic credentials have no ':'");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        PartnerAccess p = all.stream().filter(a -> user.equals(a.username())).findFirst().orElse(null);
        String key = Seal.sha256(authorization.getBytes(StandardCharsets.UTF_8));
        if (p != null && p.passwordHash().equals(verified.get(key))) {
            return p;
        }
        Duration wait = guesses.waitFor(address);
        if (!wait.isZero()) {
            throw TaxiiException.tooManyRequests(PasswordGuesses.LIMIT + " wrong user names or passwords from " + address
                    + " within " + PasswordGuesses.WINDOW.toMinutes() + " minutes: no password from it is checked for "
                    + Math.max(1, wait.toSeconds()) + " s more", wait);
        }
        if (p == null || !PasswordHash.verify(password, p.passwordHash())) {
            guesses.failed(address);
            throw TaxiiException.unauthorized("wrong user name or password");
        }
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(key, p.passwordHash());
        return p;
    }
}
