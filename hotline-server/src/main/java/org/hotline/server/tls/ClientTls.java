package org.hotline.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hotline.HotlineException;

/**
 * The client side of a node's TLS towards one partner: it trusts exactly the partner's pinned
 * certificate (nothing from the JDK's CA list) and presents the node's own certificate for mutual TLS.
 */
public final class ClientTls {
    private ClientTls() {}

    /**
     * @param own      the node's key store (see {@link NodeCertificate}), or null to present no certificate
     * @param password its password
     * @param pinned   the partner's certificate, the only one trusted
     */
    public static SSLContext context(KeyStore own, char[] password, X509Certificate pinned) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("partner", pinned);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (own != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(own, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new HotlineException("setting up TLS towards a partner", e);
        }
    }
}
