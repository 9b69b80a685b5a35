package org.hotline.taxii.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.hotline.taxii.client.TaxiiTestServer.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mutual TLS against a real HTTPS server. The certificates are made for each run by the
 * JDK's own {@code keytool} (self-signed, two days, the server's for IP 127.0.0.1), so no private key
 * is committed and none outlives the test; each side trusts exactly the other's certificate.
 */
class TaxiiTlsTest {
    static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    static SSLContext serverTls;
    static KeyStore clientKeys;
    static KeyStore clientTrust;

    @BeforeAll
    static void certificates() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", "server.p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=RU-CERT",
                "-validity", "2", "-keystore", "client.p12");
        KeyStore serverKeys = TaxiiTls.pkcs12(dir.resolve("server.p12"), PASSWORD);
        clientKeys = TaxiiTls.pkcs12(dir.resolve("client.p12"), PASSWORD);
        // Each side trusts exactly the other's self-signed certificate.
        serverTls = TaxiiTls.context(trusting(clientKeys, "client"), serverKeys, PASSWORD);
        clientTrust = trusting(serverKeys, "server");
    }

    @Test
    void mutualTlsWithBasicCredentials() {
        try (TaxiiTestServer server = new TaxiiTestServer(serverTls, true)) {
            server.on("GET", "/taxii2/", r -> Reply.taxii(200, TaxiiClientTest.fixture("discovery.json")));
            TaxiiClient client = client(TaxiiTls.context(clientTrust, clientKeys, PASSWORD));
            assertThat(client.discover(server.uri("/taxii2/")).title()).isEqualTo("Some TAXII Server");
            assertThat(server.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Basic Zm9vOmJhcg=="));
        }
    }

    @Test
    void aServerThatWantsAClientCertificateRefusesAClientWithout() {
        try (TaxiiTestServer server = new TaxiiTestServer(serverTls, true)) {
            server.on("GET", "/taxii2/", r -> Reply.taxii(200, TaxiiClientTest.fixture("discovery.json")));
            TaxiiClient client = client(TaxiiTls.context(clientTrust, null, null));
            assertThatThrownBy(() -> client.discover(server.uri("/taxii2/"))).isInstanceOfSatisfying(TaxiiException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.isRetryable()).isTrue();
            });
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void anUntrustedServerIsRefused() throws Exception {
        try (TaxiiTestServer server = new TaxiiTestServer(serverTls, false)) {
            server.on("GET", "/taxii2/", r -> Reply.taxii(200, TaxiiClientTest.fixture("discovery.json")));
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            TaxiiClient client = client(TaxiiTls.context(empty, null, null));
            assertThatThrownBy(() -> client.discover(server.uri("/taxii2/")))
                    .hasMessageContaining("TLS handshake failed").hasMessageContaining("check the trust store");
            assertThat(server.requests()).isEmpty();
        }
    }

    private static KeyStore trusting(KeyStore keys, String alias) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, keys.getCertificate(alias));
        return trust;
    }

    private static TaxiiClient client(SSLContext tls) {
        return new TaxiiClient(TaxiiClient.httpClient(tls, Duration.ofSeconds(5)), new TaxiiCredentials("foo", "bar"), Duration.ofSeconds(5));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
