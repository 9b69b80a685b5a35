package org.hotline.taxii.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hotline.HotlineException;

/**
 * Builds the {@link SSLContext} a TAXII client connects with: the partners' certificates (or their
 * CA) to trust, and optionally this node's own certificate and key for partners that require mutual
 * TLS. Key stores are PKCS#12 files, as {@code keytool} writes them.
 */
public final class TaxiiTls {
    private TaxiiTls() {}

    /**
     * @param trustStore whom to trust, or null for the JDK's default CAs
     * @param keyStore   this node's client certificate and key, or null when no partner asks for one
     */
    public static SSLContext context(KeyStore trustStore, KeyStore keyStore, char[] keyPassword) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, keyPassword);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new HotlineException("setting up TLS for TAXII", e);
        }
    }

    /** Loads a PKCS#12 key store. */
    public static KeyStore pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new HotlineException("reading key store " + file, e);
        }
    }
}
