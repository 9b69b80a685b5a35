package org.hotline.server;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.hotline.HotlineException;

/**
 * The server side of the node's TLS: its own key and certificate, and a request for a client
 * certificate (wanted, not needed: a partner may authenticate with HTTP Basic instead).
 *
 * <p>Hazard: the TLS layer accepts <em>any</em> client certificate here; the handshake only proves the
 * client holds that certificate's key. Whether the certificate belongs to a partner is decided by the
 * {@link Authenticator}, which compares its SHA-256 fingerprint with the pinned certificates of the
 * node's partners. Partners' certificates are self-signed, so there is no CA to trust instead, and
 * pinning in the application lets a new channel take effect without reloading the TLS context.
 */
public final class ServerTls {
    private ServerTls() {}

    /** @param keyStore a key store holding the node's private key and certificate, under {@code password} */
    public static SslContextFactory.Server contextFactory(KeyStore keyStore, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new TrustManager[] {new AnyClientCertificate()}, new SecureRandom());
            SslContextFactory.Server f = new SslContextFactory.Server();
            f.setSslContext(context);
            f.setWantClientAuth(true);
            f.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            return f;
        } catch (java.security.GeneralSecurityException e) {
            throw new HotlineException("setting up the server's TLS", e);
        }
    }

    /** Accepts any client certificate at the TLS layer; the {@link Authenticator} pins them. */
    private static final class AnyClientCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Deliberately empty: see the class comment.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server context trusts no servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
