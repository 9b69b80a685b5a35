package org.hotline.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.HotlineException;
import org.hotline.channel.Seal;

/**
 * A node's TLS identity: an EC P-256 key and a self-signed certificate in a PKCS#12 file, used both
 * by its HTTPS server and as its client certificate towards partners (mutual TLS). Partners pin the
 * certificate itself (its SHA-256), so no CA is involved.
 *
 * <p>Made with the JDK's own {@code keytool} ({@code $java.home/bin/keytool}): the JDK has no public
 * API to build an X.509 certificate, and keytool ships with every JDK and JRE, so this costs no
 * dependency (Bouncy Castle's bcpkix would add about 8 MB to the CLI for one certificate per node).
 * Hazard: it runs a child process (about half a second); the store password is passed through the
 * environment, never on its command line.
 */
public final class NodeCertificate {
    public static final String ALIAS = "hotline";

    private NodeCertificate() {}

    /**
     * Creates {@code file} (PKCS#12) with a new key and a certificate for {@code commonName}, valid ten
     * years, naming {@code hosts} (IP addresses or DNS names) as subject alternative names.
     */
    public static void generate(Path file, char[] password, String commonName, List<String> hosts) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> san = new ArrayList<>();
        for (String h : hosts) {
            san.add((h.matches("[0-9.]+") || h.contains(":") ? "ip:" : "dns:") + h);
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=" + commonName.replace(",", "\\,") + ", O=Hotline node",
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass:env", "HOTLINE_STOREPASS", "-keypass:env", "HOTLINE_STOREPASS"));
        if (!san.isEmpty()) {
            command.add("-ext");
            command.add("SAN=" + String.join(",", san));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOTLINE_STOREPASS", new String(password));
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new HotlineException("keytool could not create " + file + ": " + output.trim());
            }
        } catch (IOException e) {
            throw new HotlineException("running " + keytool + " to create the node's TLS certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotlineException("interrupted while creating " + file, e);
        }
    }

    public static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new HotlineException("reading the TLS key store " + file + " (wrong password or damaged file?)", e);
        }
    }

    public static X509Certificate certificate(KeyStore keyStore) {
        try {
            return (X509Certificate) keyStore.getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new HotlineException("reading the node's certificate", e);
        }
    }

    /** PEM text of a certificate, as it goes on the party card. */
    public static String pem(X509Certificate cert) {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new HotlineException("encoding a certificate", e);
        }
    }

    /** Reads one PEM certificate; throws {@link IllegalArgumentException} if it is not one. */
    public static X509Certificate parsePem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the DER certificate: what partners pin. */
    public static String sha256(X509Certificate cert) {
        try {
            return Seal.sha256(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new HotlineException("encoding a certificate", e);
        }
    }
}
