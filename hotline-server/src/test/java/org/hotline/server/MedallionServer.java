package org.hotline.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.channel.port.CollectionStore;
import org.hotline.server.auth.PartnerAccess;
import org.hotline.server.auth.PartnerAuthenticator;
import org.hotline.server.auth.PasswordHash;
import org.hotline.server.tls.ClientTls;
import org.hotline.server.tls.NodeCertificate;
import org.hotline.store.NodeDatabase;
import org.hotline.store.StixVersioning;
import org.hotline.store.TaxiiTime;
import tools.jackson.databind.JsonNode;

/**
 * medallion's test server, rebuilt on Hotline's: API root {@code trustgroup1} of medallion's fixture
 * ({@code taxii/medallion/default_data.json}) with its five collections and their rights, its two
 * status resources, and its user {@code admin}/{@code Password0}, served over real HTTPS on a random
 * loopback port from a SQLite file. Objects are added in their manifest's {@code date_added} order
 * with the clock set to that date, so the server reports medallion's own dates; two entries sharing
 * one date (the malware's 2.0 and 2.1 versions) are stored 1 µs apart.
 */
final class MedallionServer implements AutoCloseable {
    static final String ROOT = "/trustgroup1/";
    static final String COLLECTIONS = ROOT + "collections/";
    static final String GET_COLLECTION = COLLECTIONS + "91a7b528-80eb-42ed-a74d-c6fbd5a26116/";
    static final String ADD_COLLECTION = COLLECTIONS + "365fed99-08fa-fdcd-a1b3-fb247eb41d01/";
    static final String NON_EXISTENT_COLLECTION = COLLECTIONS + "12345678-1234-1234-1234-123456789012/";
    static final String FORBIDDEN_COLLECTION = COLLECTIONS + "64993447-4d7e-4f70-b94d-d7f33742ee63/";
    static final String GET_OBJECTS = GET_COLLECTION + "objects/";
    static final String GET_MANIFESTS = GET_COLLECTION + "manifest/";
    static final String ADD_OBJECTS = ADD_COLLECTION + "objects/";
    static final Instant TEST_TIME = Instant.parse("2026-11-22T12:00:00.000Z");
    static final long MAX_CONTENT_LENGTH = 9_765_625;   // the fixture's max_content_length

    final MutableClock clock = new MutableClock(TEST_TIME);
    final NodeDatabase db;
    final TaxiiServer server;
    final TaxiiHttp http;

    MedallionServer(Path dir) {
        JsonNode data = data();
        db = NodeDatabase.open("jdbc:sqlite:" + dir.resolve("medallion.db"), clock);
        List<CollectionInfo> collections = new ArrayList<>();
        for (JsonNode c : data.path("trustgroup1").path("collections")) {
            collections.add(new CollectionInfo(c.get("id").stringValue(), c.get("title").stringValue(),
                    c.path("description").asString(null), null, c.get("can_read").asBoolean(), c.get("can_write").asBoolean()));
            load(db.collections(), c);
        }
        for (JsonNode s : data.path("trustgroup1").path("status")) {
            db.statuses().save(s.get("id").stringValue(), "admin", Instant.parse(s.get("request_timestamp").stringValue()),
                    TaxiiJson.write(s));
        }
        clock.set(TEST_TIME);
        char[] password = "medallion-test".toCharArray();
        Path p12 = dir.resolve("tls.p12");
        NodeCertificate.generate(p12, password, "medallion", List.of("127.0.0.1", "localhost"));
        KeyStore ks = NodeCertificate.load(p12, password);
        JsonNode root = data.path("trustgroup1").path("information");
        TaxiiSettings settings = new TaxiiSettings(data.path("/discovery").get("title").stringValue(),
                root.get("description").stringValue(), null, URI.create("https://127.0.0.1/"), "trustgroup1",
                root.get("title").stringValue(), MAX_CONTENT_LENGTH, 100, 100);
        PartnerAuthenticator auth = new PartnerAuthenticator(
                () -> List.of(new PartnerAccess("admin", "admin", "admin", ADMIN_HASH, null)));
        server = new TaxiiServer(settings, auth, caller -> collections, db.collections(), new StoreIntake(db.collections()),
                db.statuses(), clock, ServerTls.contextFactory(ks, password), "127.0.0.1", 0).start();
        http = new TaxiiHttp(ClientTls.context(null, null, NodeCertificate.certificate(ks)),
                URI.create("https://127.0.0.1:" + server.port() + "/")).basic("admin", "Password0");
    }

    /** Hashed once per JVM: PBKDF2 is slow on purpose. */
    private static final String ADMIN_HASH = PasswordHash.hash("Password0");

    private void load(CollectionStore store, JsonNode collection) {
        List<JsonNode> manifest = new ArrayList<>();
        collection.path("manifest").forEach(manifest::add);
        manifest.sort(Comparator.comparing(m -> Instant.parse(m.get("date_added").stringValue())));
        for (JsonNode entry : manifest) {
            JsonNode object = objectOf(collection, entry);
            clock.set(Instant.parse(entry.get("date_added").stringValue()));
            store.add(collection.get("id").stringValue(), List.of(StixVersioning.newObject(TaxiiJson.write(object))));
        }
    }

    private static JsonNode objectOf(JsonNode collection, JsonNode entry) {
        long version = TaxiiTime.parseMicros(entry.get("version").stringValue());
        for (JsonNode o : collection.path("objects")) {
            String own = o.has("modified") ? o.get("modified").stringValue() : o.get("created").stringValue();
            if (o.get("id").equals(entry.get("id")) && TaxiiTime.parseMicros(own) == version) {
                return o;
            }
        }
        throw new IllegalStateException("no object for manifest entry " + entry);
    }

    private static JsonNode data() {
        try (InputStream in = MedallionServer.class.getResourceAsStream("/taxii/medallion/default_data.json")) {
            return TaxiiJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
