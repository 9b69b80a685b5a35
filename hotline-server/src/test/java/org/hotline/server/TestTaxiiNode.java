package org.hotline.server;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.hotline.server.auth.PartnerAccess;
import org.hotline.server.auth.PartnerAuthenticator;
import org.hotline.server.tls.ClientTls;
import org.hotline.server.tls.NodeCertificate;
import org.hotline.store.NodeDatabase;

/**
 * A real TAXII server on a free loopback port over HTTPS, with a real SQLite database in {@code dir},
 * for tests that talk to it as partners do: its API root is {@code /api/}, requests are up to 1 MiB.
 */
final class TestTaxiiNode implements AutoCloseable {
    final NodeDatabase db;
    final TaxiiServer server;
    /** Trusts the server's self-signed certificate. */
    final SSLContext tls;

    TestTaxiiNode(Path dir, List<PartnerAccess> partners, Catalog catalog) {
        char[] password = "test-node".toCharArray();
        Path p12 = dir.resolve("tls.p12");
        NodeCertificate.generate(p12, password, "node", List.of("127.0.0.1"));
        KeyStore ks = NodeCertificate.load(p12, password);
        TaxiiSettings settings = new TaxiiSettings("node", "test", null, URI.create("https://127.0.0.1/"), "api", "api",
                1024 * 1024, 10, 10);
        db = NodeDatabase.open("jdbc:sqlite:" + dir.resolve("node.db"), Clock.systemUTC());
        server = new TaxiiServer(settings, new PartnerAuthenticator(() -> partners), catalog, db.collections(),
                new StoreIntake(db.collections()), db.statuses(), Clock.systemUTC(), ServerTls.contextFactory(ks, password),
                "127.0.0.1", 0).start();
        tls = ClientTls.context(null, null, NodeCertificate.certificate(ks));
    }

    /** {@code https://127.0.0.1:port/}. */
    URI base() {
        return URI.create("https://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
