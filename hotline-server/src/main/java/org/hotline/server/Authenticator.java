package org.hotline.server;

import java.security.cert.X509Certificate;

/**
 * Decides who is calling from the request's credentials. Implementations must be fast (every request
 * passes here), thread-safe, and must never say why a password was wrong beyond "wrong".
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param authorization the Authorization header, or null
     * @param clientChain   the client's TLS certificate chain (leaf first), or null when none was presented
     * @param clientAddress the client's IP address, as the connection shows it
     * @return the caller
     * @throws TaxiiException 401 when the credentials are missing, wrong, or disagree with each other; 429
     *                        (with {@link TaxiiException#retryAfter()}) when the address sent too many wrong ones
     */
    Caller authenticate(String authorization, X509Certificate[] clientChain, String clientAddress);
}
