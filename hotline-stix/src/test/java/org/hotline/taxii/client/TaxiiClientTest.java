package org.hotline.taxii.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.hotline.stix.StixJson;
import org.hotline.taxii.TaxiiMediaTypes;
import org.hotline.taxii.client.TaxiiTestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client against a real HTTP server serving the canned responses cti-taxii-client's own tests use
 * ({@code taxii/cti-taxii-client/*.json}); expected values are read off those fixtures.
 */
class TaxiiClientTest {
    static final String COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    static final String STATUS_ID = "2d086da7-4bdc-4f91-900e-d77486753710";
    final TaxiiTestServer server = new TaxiiTestServer();
    final URI apiRoot = server.uri("/api1/");
    final TaxiiClient client = new TaxiiClient(TaxiiClient.httpClient(defaultTls(), Duration.ofSeconds(5)),
            new TaxiiCredentials("foo", "bar"), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void discoveryApiRootAndCollectionsWithTheMandatedHeaders() {
        server.on("GET", "/taxii2/", r -> Reply.taxii(200, fixture("discovery.json")));
        server.on("GET", "/api1/", r -> Reply.taxii(200, fixture("api-root.json")));
        server.on("GET", "/api1/collections/", r -> Reply.taxii(200, fixture("collections.json")));
        server.on("GET", "/api1/collections/" + COLLECTION + "/", r -> Reply.taxii(200, fixture("collection.json")));

        Discovery d = client.discover(server.uri("/taxii2/"));
        assertThat(d.title()).isEqualTo("Some TAXII Server");
        assertThat(d.contact()).isEqualTo("string containing contact information");
        assertThat(d.apiRoots()).hasSize(3).element(1).isEqualTo(d.defaultApiRoot());
        ApiRootInfo root = client.apiRoot(apiRoot);
        assertThat(root.title()).isEqualTo("Malware Research Group");
        assertThat(root.maxContentLength()).isEqualTo(9765625);
        assertThat(root.supportsTaxii21()).isTrue();
        List<CollectionInfo> all = client.collections(apiRoot);
        assertThat(all).extracting(CollectionInfo::id).containsExactly(COLLECTION, "52892447-4d7e-4f70-b94d-d7f22742ff63");
        CollectionInfo one = client.collection(apiRoot, COLLECTION);
        assertThat(one).isEqualTo(all.get(0));
        assertThat(one.canRead()).isTrue();
        assertThat(one.canWrite()).isFalse();
        assertThat(one.mediaTypes()).containsExactly(TaxiiMediaTypes.STIX_21);

        assertThat(server.requests()).hasSize(4).allSatisfy(r -> {
            assertThat(r.header("Accept")).isEqualTo("application/taxii+json;version=2.1");
            // printf foo:bar | base64
            assertThat(r.header("Authorization")).isEqualTo("Basic Zm9vOmJhcg==");
            assertThat(r.header("User-Agent")).startsWith("hotline/");
        });
    }

    @Test
    void objectsManifestAddAndStatus() {
        server.on("GET", "/api1/collections/" + COLLECTION + "/objects/", r -> Reply.taxii(200, fixture("get-objects.json")));
        server.on("GET", "/api1/collections/" + COLLECTION + "/manifest/", r -> Reply.taxii(200, fixture("manifest.json")));
        server.on("POST", "/api1/collections/" + COLLECTION + "/objects/", r -> Reply.taxii(202, fixture("add-objects.json")));
        server.on("GET", "/api1/status/" + STATUS_ID + "/", r -> Reply.taxii(200, fixture("status.json")));

        ObjectsPage page = client.objects(apiRoot, COLLECTION, ObjectFilter.all(), null);
        assertThat(page.more()).isFalse();
        assertThat(page.objects()).singleElement().satisfies(o ->
                assertThat(o.get("id").stringValue()).isEqualTo("indicator--252c7c11-daf2-42bd-843b-be65edca9f61"));

        ManifestPage manifest = client.manifest(apiRoot, COLLECTION, ObjectFilter.all(), null);
        assertThat(manifest.objects()).hasSize(2).first().isEqualTo(new ManifestPage.Entry(
                "indicator--29aba82c-5393-42a8-9edb-6a2cb1df070b", "2016-11-04T03:04:051Z", "2016-11-03T12:30:59.000Z",
                TaxiiMediaTypes.STIX_21));

        JsonNode envelope = StixJson.read(fixture("get-objects.json"));
        TaxiiStatus added = client.addObjects(apiRoot, COLLECTION, envelope);
        assertThat(added.isComplete()).isTrue();
        assertThat(added.allSucceeded(1)).isTrue();
        TaxiiTestServer.Recorded post = server.requests().get(2);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("Content-Type")).isEqualTo("application/taxii+json;version=2.1");
        assertThat(StixJson.read(post.body())).isEqualTo(envelope);

        TaxiiStatus status = client.status(apiRoot, STATUS_ID);
        assertThat(status.status()).isEqualTo("pending");
        assertThat(List.of(status.totalCount(), status.successCount(), status.failureCount(), status.pendingCount()))
                .containsExactly(4L, 1L, 1L, 2L);
        assertThat(status.failures()).singleElement().isEqualTo(new TaxiiStatus.Detail(
                "malware--664fa29d-bf65-4f28-a667-bdb76f29ec98", "2018-05-28T14:03:42.543Z", "Unable to process object"));
        assertThat(status.pendings()).hasSize(2);
        assertThat(status.allSucceeded(4)).isFalse();
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheRequest() {
        ObjectNode status = (ObjectNode) StixJson.read(fixture("status.json"));
        status.remove("total_count");
        server.on("GET", "/api1/status/" + STATUS_ID + "/", r -> Reply.taxii(200, StixJson.write(status)));
        assertThatThrownBy(() -> client.status(apiRoot, STATUS_ID)).isInstanceOf(TaxiiException.class)
                .hasMessageEndingWith("No 'total_count' in Status for request '" + apiRoot + "status/" + STATUS_ID + "/'");

        ObjectNode collection = (ObjectNode) StixJson.read(fixture("collection.json"));
        collection.remove("can_read");
        server.on("GET", "/api1/collections/" + COLLECTION + "/", r -> Reply.taxii(200, StixJson.write(collection)));
        assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION))
                .hasMessageEndingWith("No 'can_read' in Collection for request '" + apiRoot + "collections/" + COLLECTION + "/'");

        server.on("GET", "/taxii2/", r -> Reply.taxii(200, "{\"description\": \"no title\"}"));
        assertThatThrownBy(() -> client.discover(server.uri("/taxii2/")))
                .hasMessageEndingWith("No 'title' in Server Discovery for request '" + server.uri("/taxii2/") + "'");

        server.on("GET", "/api1/", r -> Reply.taxii(200, "{\"title\": \"Malware Research Group\", \"max_content_length\": 9765625}"));
        assertThatThrownBy(() -> client.apiRoot(apiRoot)).hasMessageEndingWith("No 'versions' in API Root for request '" + apiRoot + "'");
    }

    @Test
    void theResponseMediaTypeMustBeTaxii21ThoughParametersMayVary() {
        String url = "/api1/collections/" + COLLECTION + "/";
        server.on("GET", url, r -> new Reply(200, "application/taxii+json; version=2.1; charset=utf-8", fixture("collection.json"), java.util.Map.of()));
        assertThat(client.collection(apiRoot, COLLECTION).id()).isEqualTo(COLLECTION);
        server.on("GET", url, r -> new Reply(200, "taxii", fixture("collection.json"), java.util.Map.of()));
        assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.getMessage()).contains("unexpected Content-Type 'taxii' for Accept 'application/taxii+json;version=2.1'");
            assertThat(e.isRetryable()).isFalse();
        });
        server.on("GET", url, r -> new Reply(200, "application/json", fixture("collection.json"), java.util.Map.of()));
        assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION)).hasMessageContaining("unexpected Content-Type 'application/json'");
    }

    @Test
    void pagingFollowsNextWithTheOriginalQuery() {
        String path = "/api1/collections/" + COLLECTION + "/objects/";
        server.onSequence("GET", path,
                Reply.taxii(200, envelope(25, true, "p2")).withHeader("X-TAXII-Date-Added-Last", "2016-11-04T00:00:00.000001Z"),
                Reply.taxii(200, envelope(25, true, "p3")).withHeader("X-TAXII-Date-Added-Last", "2016-11-05T00:00:00.000001Z"),
                Reply.taxii(200, envelope(10, false, null)).withHeader("X-TAXII-Date-Added-Last", "2016-11-06T00:00:00.000001Z"));
        List<Integer> sizes = new ArrayList<>();
        PullResult result = client.pull(apiRoot, COLLECTION, ObjectFilter.all().withAddedAfter("2016-11-01T00:00:00Z").withLimit(25),
                p -> sizes.add(p.objects().size()));
        assertThat(sizes).containsExactly(25, 25, 10);
        assertThat(result).isEqualTo(new PullResult(3, 60, "2016-11-06T00:00:00.000001Z"));
        List<TaxiiTestServer.Recorded> gets = server.requests();
        assertThat(gets).extracting(r -> r.query().get("next")).containsExactly(null, "p2", "p3");
        assertThat(gets).allSatisfy(r -> {
            assertThat(r.query().get("added_after")).isEqualTo("2016-11-01T00:00:00Z");
            assertThat(r.query().get("limit")).isEqualTo("25");
        });
    }

    @Test
    void aServerThatSaysMoreWithoutNextIsPagedByItsDateAddedLast() {
        String path = "/api1/collections/" + COLLECTION + "/objects/";
        server.onSequence("GET", path,
                Reply.taxii(200, envelope(2, true, null)).withHeader("X-TAXII-Date-Added-Last", "2016-11-03T12:30:59.000001Z"),
                Reply.taxii(200, envelope(1, false, null)).withHeader("X-TAXII-Date-Added-Last", "2016-11-03T12:31:00.5Z"));
        PullResult result = client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { });
        assertThat(result).isEqualTo(new PullResult(2, 3, "2016-11-03T12:31:00.5Z"));
        assertThat(server.requests()).extracting(r -> r.query().get("added_after")).containsExactly(null, "2016-11-03T12:30:59.000001Z");
        assertThat(server.requests().get(1).query()).doesNotContainKey("next");
    }

    @Test
    void pagingThatCannotProgressStopsWithAReason() {
        String path = "/api1/collections/" + COLLECTION + "/objects/";
        server.onSequence("GET", path, Reply.taxii(200, envelope(2, true, null)));
        assertThatThrownBy(() -> client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { }))
                .hasMessageContaining("sends neither 'next' nor X-TAXII-Date-Added-Last");
        server.onSequence("GET", path, Reply.taxii(200, envelope(2, true, "same")));
        assertThatThrownBy(() -> client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { }))
                .hasMessageContaining("returned next=same twice in a row");
        server.onSequence("GET", path, Reply.taxii(200, envelope(2, true, null)).withHeader("X-TAXII-Date-Added-Last", "2016-11-03T12:30:59Z"));
        assertThatThrownBy(() -> client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { }))
                .hasMessageContaining("keeps returning the page ending there");
    }

    /** A dishonest or broken partner that cycles its cursors must not keep a pull (and its memory) growing forever. */
    @Test
    @Timeout(30)   // without the guard the pull never ends
    void pagingThatGoesRoundInCirclesStopsWithAReason() {
        String path = "/api1/collections/" + COLLECTION + "/objects/";
        AtomicInteger calls = new AtomicInteger();
        server.on("GET", path, r -> Reply.taxii(200, envelope(1, true, calls.getAndIncrement() % 2 == 0 ? "a" : "b")));
        assertThatThrownBy(() -> client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { }))
                .hasMessageContaining("next=a again");
        assertThat(calls.get()).isEqualTo(3);

        String[] dates = {"2016-11-03T12:30:59Z", "2016-11-03T12:31:00Z"};
        calls.set(0);
        server.on("GET", path, r -> Reply.taxii(200, envelope(1, true, null))
                .withHeader("X-TAXII-Date-Added-Last", dates[calls.getAndIncrement() % 2]));
        assertThatThrownBy(() -> client.pull(apiRoot, COLLECTION, ObjectFilter.all(), p -> { }))
                .hasMessageContaining("went back to one ending 2016-11-03T12:30:59Z");
        assertThat(calls.get()).isEqualTo(3);
    }

    /**
     * A partner's server answering with more than a response may hold fails the request instead of
     * filling the node's memory: declared by Content-Length (refused before reading) or streamed.
     */
    @Test
    void aResponseOverTheLimitFailsWithoutBeingReadWhole() {
        TaxiiClient capped = new TaxiiClient(TaxiiClient.httpClient(defaultTls(), Duration.ofSeconds(5)),
                new TaxiiCredentials("foo", "bar"), Duration.ofSeconds(5), 64 * 1024);
        String url = "/api1/collections/" + COLLECTION + "/";
        String collection = fixture("collection.json");
        String huge = collection.replace("\"description\"", "\"x-padding\": \"" + "x".repeat(200_000) + "\", \"description\"");
        assertThat(huge).isNotEqualTo(collection).hasSizeGreaterThan(200_000);

        server.on("GET", url, r -> Reply.taxii(200, huge));
        assertThatThrownBy(() -> capped.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.getMessage()).contains("declares " + huge.length() + " bytes").contains("65536");
            assertThat(e.isRetryable()).isFalse();
        });
        server.on("GET", url, r -> Reply.taxii(200, huge).withHeader("Transfer-Encoding", "chunked"));
        assertThatThrownBy(() -> capped.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.getMessage()).contains("longer than the 65536 bytes");
            assertThat(e.isRetryable()).isFalse();
        });
        server.on("GET", url, r -> Reply.taxii(200, collection).withHeader("Transfer-Encoding", "chunked"));
        assertThat(capped.collection(apiRoot, COLLECTION).id()).as("within the limit").isEqualTo(COLLECTION);
    }

    @Test
    void httpErrorsCarryTheTaxiiErrorAndWhetherToRetry() {
        String url = "/api1/collections/" + COLLECTION + "/";
        server.on("GET", url, r -> Reply.error(401, "Unauthorized", "unknown user foo"));
        assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.error().title()).isEqualTo("Unauthorized");
            assertThat(e.error().httpStatus()).isEqualTo("401");
            assertThat(e.getMessage()).isEqualTo("GET " + apiRoot + "collections/" + COLLECTION + "/: HTTP 401: Unauthorized: unknown user foo");
        });
        for (int status : new int[] {500, 502, 503, 408, 429}) {
            server.on("GET", url, r -> new Reply(status, "text/html", "<html>upstream down</html>", java.util.Map.of()));
            assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class, e -> {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.isRetryable()).as("HTTP " + status).isTrue();
                assertThat(e.getMessage()).contains("HTTP " + status + " (Content-Type text/html: <html>upstream down</html>)");
            });
        }
        for (int status : new int[] {400, 403, 404, 406, 413, 415}) {
            server.on("GET", url, r -> Reply.error(status, "Refused", "status " + status));
            assertThatThrownBy(() -> client.collection(apiRoot, COLLECTION)).isInstanceOfSatisfying(TaxiiException.class,
                    e -> assertThat(e.isRetryable()).as("HTTP " + status).isFalse());
        }
    }

    @Test
    void noResponseIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/api1/");
        assertThatThrownBy(() -> client.apiRoot(nowhere)).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("cannot connect (ConnectException");
        });

        server.on("GET", "/slow/", r -> {
            sleep(3_000);
            return Reply.taxii(200, fixture("api-root.json"));
        });
        TaxiiClient impatient = new TaxiiClient(TaxiiClient.httpClient(defaultTls(), Duration.ofSeconds(5)), null, Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.apiRoot(server.uri("/slow/"))).isInstanceOfSatisfying(TaxiiException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("no HTTP response within the timeout");
        });
    }

    @Test
    void credentialsNeverTravelInClearTextToAnotherHost() {
        assertThatThrownBy(() -> client.discover(URI.create("http://taxii.example.org/taxii2/")))
                .isInstanceOfSatisfying(TaxiiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("refusing to send Basic credentials over plain HTTP");
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anApiRootWithoutItsTrailingSlashIsRefused() {
        assertThatThrownBy(() -> client.objects(server.uri("/api1"), COLLECTION, ObjectFilter.all(), null))
                .hasMessageContaining("a TAXII API root URL ends with '/'");
    }

    /** An envelope of {@code n} copies of the fixture's indicator. */
    static String envelope(int n, boolean more, String next) {
        JsonNode indicator = StixJson.read(fixture("get-objects.json")).get("objects").get(0);
        ObjectNode e = StixJson.object();
        e.put("more", more);
        if (next != null) {
            e.put("next", next);
        }
        ArrayNode objects = e.putArray("objects");
        for (int i = 0; i < n; i++) {
            objects.add(indicator.deepCopy());
        }
        return StixJson.write(e);
    }

    static String fixture(String name) {
        try (InputStream in = TaxiiClientTest.class.getResourceAsStream("/taxii/cti-taxii-client/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
