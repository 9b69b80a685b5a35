package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.server.MedallionServer.ADD_COLLECTION;
import static org.hotline.server.MedallionServer.ADD_OBJECTS;
import static org.hotline.server.MedallionServer.COLLECTIONS;
import static org.hotline.server.MedallionServer.FORBIDDEN_COLLECTION;
import static org.hotline.server.MedallionServer.GET_MANIFESTS;
import static org.hotline.server.MedallionServer.GET_OBJECTS;
import static org.hotline.server.MedallionServer.NON_EXISTENT_COLLECTION;
import static org.hotline.server.MedallionServer.ROOT;
import static org.hotline.server.TaxiiHttp.TAXII;
import static org.hotline.server.TaxiiHttp.contentType;
import static org.hotline.server.TaxiiHttp.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * medallion's HTTP-level expectations ({@code medallion/test/test_backends.py} at 39e76bf, named in each
 * test's comment), asked of Hotline's TAXII server over real HTTPS with medallion's fixture loaded (see
 * {@link MedallionServer}). Ids, counts, versions and {@code X-TAXII-Date-Added-*} values are medallion's
 * own expected values, copied from its tests, not derived from this server. Writes go to medallion's
 * ADD collection only, so the read tests do not depend on test order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedallionHttpTest {
    static final String MALWARE = "malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec";
    static final String INDICATOR_6770 = "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e";
    static final String TEST_OBJECT_ID = "course-of-action--68794cd5-28db-429d-ab1e-1256704ef906";
    /** medallion's TaxiiTest.TEST_OBJECT (base_test.py). */
    static final String TEST_OBJECT = "{\"objects\":[{\"type\":\"course-of-action\",\"spec_version\":\"2.1\",\"id\":\""
            + TEST_OBJECT_ID + "\",\"created\":\"2017-01-27T13:49:53.935Z\",\"modified\":\"2017-01-27T13:49:53.935Z\","
            + "\"name\":\"Test object\"}]}";

    Path dir;
    MedallionServer medallion;
    TaxiiHttp http;

    @BeforeAll
    void start(@TempDir Path dir) {
        this.dir = dir;
        medallion = new MedallionServer(dir);
        http = medallion.http;
    }

    @AfterAll
    void stop() {
        medallion.close();
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo(TAXII);
        return json(r);
    }

    private static void refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(contentType(r)).as("errors are TAXII too").isEqualTo(TAXII);
        JsonNode e = json(r);
        assertThat(e.path("http_status").asString()).isEqualTo(Integer.toString(status));
        assertThat(e.path("title").asString()).isNotBlank();
        assertThat(e.path("description").asString()).isNotBlank();
    }

    private static List<String> ids(JsonNode envelope) {
        List<String> ids = new ArrayList<>();
        envelope.path("objects").forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** test_server_discovery: discovery is at /taxii2/ and lists absolute API root URLs. */
    @Test
    void serverDiscovery() {
        JsonNode d = ok(http.get("/taxii2/"));
        assertThat(d.get("api_roots").get(0).asString()).isEqualTo("https://127.0.0.1/trustgroup1/");
        assertThat(d.get("default").asString()).isEqualTo("https://127.0.0.1/trustgroup1/");
    }

    /** test_get_api_root_information; versions are media types (CHANNEL-NOTES c.4 item 3). */
    @Test
    void apiRootInformation() {
        JsonNode root = ok(http.get(ROOT));
        assertThat(root.get("title").asString()).isEqualTo("Malware Research Group");
        assertThat(root.get("versions").get(0).asString()).isEqualTo("application/taxii+json;version=2.1");
        assertThat(root.get("max_content_length").asLong()).isEqualTo(9_765_625);
    }

    /** test_get_status */
    @Test
    void status() {
        JsonNode s = ok(http.get(ROOT + "status/2d086da7-4bdc-4f91-900e-d77486753710"));
        assertThat(s.has("successes")).isTrue();
        assertThat(s.has("failures")).isTrue();
        assertThat(s.has("pendings")).isTrue();
    }

    /** test_get_collections */
    @Test
    void collections() {
        List<String> ids = new ArrayList<>();
        ok(http.get(COLLECTIONS)).get("collections").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("52892447-4d7e-4f70-b94d-d7f22742ff63", "91a7b528-80eb-42ed-a74d-c6fbd5a26116",
                "64993447-4d7e-4f70-b94d-d7f33742ee63", "472c94ae-3113-4e3e-a4dd-a9f4ac7471d4", "365fed99-08fa-fdcd-a1b3-fb247eb41d01");
    }

    /** test_get_objects */
    @Test
    void objects() {
        HttpResponse<String> r = http.get(GET_OBJECTS);
        JsonNode objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isFalse();
        assertThat(ids(objs)).hasSize(5);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-12-31T13:49:53.935000Z");
    }

    /** test_get_object */
    @Test
    void object() {
        HttpResponse<String> r = http.get(GET_OBJECTS + MALWARE + "/");
        assertThat(ids(ok(r))).containsExactly(MALWARE);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2017-01-27T13:49:59.997000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-01-27T13:49:59.997000Z");
    }

    /** test_get_object_manifests: five entries, ordered by date_added, with the date headers. */
    @Test
    void manifests() {
        HttpResponse<String> r = http.get(GET_MANIFESTS);
        JsonNode m = ok(r).get("objects");
        assertThat(m).hasSize(5);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-12-31T13:49:53.935000Z");
        for (int x = 1; x < m.size(); x++) {
            assertThat(m.get(x - 1).get("date_added").asString()).isLessThan(m.get(x).get("date_added").asString());
        }
    }

    /** test_get_version (URL without its trailing slash, as medallion's test sends it). */
    @Test
    void version() {
        HttpResponse<String> r = http.get(GET_OBJECTS + "relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463/versions");
        assertThat(ok(r).get("versions")).hasSize(1);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2014-05-08T09:00:00.000000Z");
    }

    /** test_get_objects_limit: two pages through next, with medallion's date headers on each. */
    @Test
    void objectsLimit() {
        HttpResponse<String> r = http.get(GET_OBJECTS + "?limit=3");
        JsonNode objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isTrue();
        assertThat(ids(objs)).containsExactly("relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463",
                "indicator--cd981c25-8042-4166-8945-51178443bdac", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-01-20T00:00:00.000000Z");

        r = http.get(GET_OBJECTS + "?limit=3&next=" + objs.get("next").asString());
        objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isFalse();
        assertThat(ids(objs)).containsExactly(MALWARE, INDICATOR_6770);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2017-01-27T13:49:59.997000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-12-31T13:49:53.935000Z");
    }

    /** test_get_objects_added_after: exclusive, about date_added. */
    @Test
    void objectsAddedAfter() {
        JsonNode objs = ok(http.get(GET_OBJECTS + "?added_after=2016-11-03T12:30:59Z"));
        assertThat(objs.get("more").asBoolean()).isFalse();
        assertThat(ids(objs)).hasSize(3);
    }

    /** test_get_object_limit: all versions of one object, paged by two. */
    @Test
    void objectLimit() {
        HttpResponse<String> r = http.get(GET_OBJECTS + INDICATOR_6770 + "?limit=1");
        JsonNode objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isFalse();
        assertThat(ids(objs)).hasSize(1);
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2017-12-31T13:49:53.935000Z");

        r = http.get(GET_OBJECTS + INDICATOR_6770 + "?match[version]=all&limit=2");
        objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isTrue();
        assertThat(objs.get("objects").get(0).get("modified").asString()).isEqualTo("2016-11-03T12:30:59.000Z");
        assertThat(objs.get("objects").get(1).get("modified").asString()).isEqualTo("2016-12-25T12:30:59.444Z");
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2016-11-03T12:30:59.001000Z");
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2016-12-27T13:49:59.000000Z");

        r = http.get(GET_OBJECTS + INDICATOR_6770 + "?match[version]=all&limit=2&next=" + objs.get("next").asString());
        objs = ok(r);
        assertThat(objs.get("more").asBoolean()).isFalse();
        assertThat(ids(objs)).hasSize(1);
        assertThat(header(r, "X-TAXII-Date-Added-Last")).isEqualTo("2017-12-31T13:49:53.935000Z");
    }

    /** test_get_version_limit: the versions endpoint paged one by one. */
    @Test
    void versionLimit() {
        String url = GET_OBJECTS + INDICATOR_6770 + "/versions?limit=1";
        JsonNode v = ok(http.get(url));
        assertThat(v.get("versions").get(0).asString()).isEqualTo("2016-11-03T12:30:59.000Z");
        v = ok(http.get(url + "&next=" + v.get("next").asString()));
        assertThat(v.get("more").asBoolean()).isTrue();
        assertThat(v.get("versions").get(0).asString()).isEqualTo("2016-12-25T12:30:59.444Z");
        HttpResponse<String> r = http.get(url + "&next=" + v.get("next").asString());
        v = ok(r);
        assertThat(v.get("more").asBoolean()).isFalse();
        assertThat(v.get("versions").get(0).asString()).isEqualTo("2017-01-27T13:49:53.935Z");
        assertThat(header(r, "X-TAXII-Date-Added-First")).isEqualTo("2017-12-31T13:49:53.935000Z");
    }

    /** test_get_objects_match_type_version */
    @Test
    void matchTypeAndVersion() {
        JsonNode objs = ok(http.get(GET_OBJECTS + "?match[type]=indicator&match[version]=2017-01-27T13:49:53.935Z"));
        assertThat(ids(objs)).containsExactly(INDICATOR_6770);
    }

    /** test_add_and_delete_object, then test_object_already_present's rule: a re-POST is a success, not a new version. */
    @Test
    void addGetStatusManifestDeleteAndRepost() {
        HttpResponse<String> post = http.post(ADD_OBJECTS, TEST_OBJECT);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
        assertThat(contentType(post)).isEqualTo(TAXII);
        String statusId = json(post).get("id").asString();

        assertThat(ids(ok(http.get(ADD_OBJECTS)))).contains(TEST_OBJECT_ID);
        assertThat(ids(ok(http.get(ADD_OBJECTS + "?match[id]=" + TEST_OBJECT_ID)))).containsExactly(TEST_OBJECT_ID);
        assertThat(ok(http.get(ROOT + "status/" + statusId + "/")).get("success_count").asInt()).isEqualTo(1);
        assertThat(ids(ok(http.get(ADD_COLLECTION + "manifest/?match[id]=" + TEST_OBJECT_ID)))).containsExactly(TEST_OBJECT_ID);

        HttpResponse<String> again = http.post(ADD_OBJECTS, TEST_OBJECT);
        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode status = json(again);
        assertThat(status.has("failures")).isFalse();
        assertThat(status.get("successes").get(0).get("message").asString()).isEqualTo("already present");
        assertThat(ok(http.get(ADD_OBJECTS + TEST_OBJECT_ID + "/versions/")).get("versions")).hasSize(1);

        assertThat(http.delete(ADD_OBJECTS + TEST_OBJECT_ID + "/").statusCode()).isEqualTo(200);
        refused(http.get(ADD_OBJECTS + TEST_OBJECT_ID + "/"), 404);
    }

    /** test_object_pagination_changing_params_400 */
    @Test
    void nextWithOtherParametersIs400() {
        JsonNode objs = ok(http.get(GET_OBJECTS + "?match[version]=all&limit=2"));
        assertThat(objs.get("objects")).hasSize(2);
        objs = ok(http.get(GET_OBJECTS + "?match[version]=all&limit=2&next=" + objs.get("next").asString()));
        assertThat(objs.get("objects")).hasSize(2);
        assertThat(objs.get("more").asBoolean()).isTrue();
        refused(http.get(GET_OBJECTS + "?match[version]=first&limit=2&next=" + objs.get("next").asString()), 400);
    }

    /** test_object_pagination_bad_limit_value_400 */
    @Test
    void badLimitIs400() {
        refused(http.get(GET_OBJECTS + "?limit=-20"), 400);
        refused(http.get(GET_OBJECTS + "?limit=many"), 400);
    }

    /** test_get_*_401: no credentials, or wrong ones, on every kind of endpoint. */
    @Test
    void withoutCredentials401() {
        TaxiiHttp anonymous = new TaxiiHttp(sslOf(), baseOf()).anonymous();
        for (String path : List.of(COLLECTIONS, ROOT + "status/2223/", COLLECTIONS + "24042009/manifest/",
                GET_OBJECTS + "malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111/", ADD_OBJECTS, "/taxii2/")) {
            HttpResponse<String> r = anonymous.get(path);
            refused(r, 401);
            assertThat(header(r, "WWW-Authenticate")).startsWith("Basic");
        }
        refused(anonymous.post(ADD_OBJECTS, TEST_OBJECT), 401);
        refused(new TaxiiHttp(sslOf(), baseOf()).basic("admin", "Password1").get(COLLECTIONS), 401);
    }

    /** test_get_object_manifest_403, test_get_object_403, get_or_add_objects_403 */
    @Test
    void forbidden403() {
        refused(http.get(FORBIDDEN_COLLECTION + "manifest/"), 403);
        refused(http.get(FORBIDDEN_COLLECTION + "objects/indicator--b81f86b9-975b-bb0b-775e-810c5bd45b4f/"), 403);
        refused(http.get(FORBIDDEN_COLLECTION + "objects/"), 403);
        refused(http.post(FORBIDDEN_COLLECTION + "objects/", TEST_OBJECT), 403);
    }

    /** test_get_api_root_information_not_existent, test_get_collection(s)_404, test_get_status_404, test_get_object_manifest_404, test_get_or_add_objects_404, test_get_object_404 */
    @Test
    void notFound404() {
        refused(http.get("/trustgroup2/"), 404);
        refused(http.get(NON_EXISTENT_COLLECTION), 404);
        refused(http.get("/carbon1/collections/"), 404);
        refused(http.get("/carbon1/collections/12345678-1234-1234-1234-123456789012/"), 404);
        refused(http.get(ROOT + "status/22101993/"), 404);
        refused(http.get(COLLECTIONS + "24042009/manifest/"), 404);
        refused(http.get(NON_EXISTENT_COLLECTION + "objects/"), 404);
        refused(http.post(NON_EXISTENT_COLLECTION + "objects/", TEST_OBJECT), 404);
        refused(http.get(GET_OBJECTS + "malware--cee60c30-a68c-11e3-b0c1-a01aac20d000/"), 404);
    }

    /** test_get_or_add_objects_422: a bare object is not an envelope; malformed JSON is 400; nothing is stored. */
    @Test
    void bareObjectIs422() {
        String bare = TEST_OBJECT.substring("{\"objects\":[".length(), TEST_OBJECT.length() - 2)
                .replace("68794cd5", "0bad0422");
        refused(http.post(ADD_OBJECTS, bare), 422);
        refused(http.post(ADD_OBJECTS, "{\"objects\":[{\"type\":"), 400);
        assertThat(ids(ok(http.get(ADD_OBJECTS + "?match[type]=course-of-action"))))
                .doesNotContain("course-of-action--0bad0422-28db-429d-ab1e-1256704ef906");
    }

    /** validate_version_parameter_in_accept_header: anything but TAXII 2.1 (or unversioned TAXII) is 406. */
    @Test
    void wrongAcceptIs406() {
        refused(http.get(COLLECTIONS, "application/json, text/plain, */*"), 406);
        refused(http.get(COLLECTIONS, "application/taxii+json;version=2.0"), 406);
        refused(http.get(COLLECTIONS, null), 406);
        ok(http.get(COLLECTIONS, "application/taxii+json"));
    }

    /** A POST body declared as anything but TAXII 2.1 is 415, and nothing is stored. */
    @Test
    void wrongContentTypeIs415() {
        String object = TEST_OBJECT.replace("68794cd5", "0badc0de").replace("Test object", "never stored");
        refused(http.post(ADD_OBJECTS, object, "application/json"), 415);
        refused(http.post(ADD_OBJECTS, object, "application/stix+json;version=2.1"), 415);
        assertThat(ids(ok(http.get(ADD_OBJECTS)))).doesNotContain("course-of-action--0badc0de-28db-429d-ab1e-1256704ef906");
    }

    /** validate_size_in_request_body: a body above max_content_length is 413, and nothing is stored. */
    @Test
    void oversizedBodyIs413() throws java.io.IOException {
        String padding = "x".repeat((int) MedallionServer.MAX_CONTENT_LENGTH);
        String big = "{\"objects\":[{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"note--7d4c7b4a-7e6c-4bd7-9a1e-2f3c5d6e7f80\","
                + "\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\",\"content\":\"" + padding
                + "\",\"object_refs\":[\"" + TEST_OBJECT_ID + "\"]}]}";
        org.hotline.testing.EarlyRefusal.Response r = http.postRefusedEarly(ADD_OBJECTS, big);
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.contentType()).as("errors are TAXII too").isEqualTo(TAXII);
        JsonNode e = TaxiiJson.MAPPER.readTree(r.body());
        assertThat(e.path("http_status").asString()).isEqualTo("413");
        assertThat(e.path("description").asString()).contains("max_content_length");
        assertThat(ids(ok(http.get(ADD_OBJECTS)))).doesNotContain("note--7d4c7b4a-7e6c-4bd7-9a1e-2f3c5d6e7f80");
    }

    private javax.net.ssl.SSLContext sslOf() {
        return org.hotline.server.tls.ClientTls.context(null, null,
                org.hotline.server.tls.NodeCertificate.certificate(
                        org.hotline.server.tls.NodeCertificate.load(dir.resolve("tls.p12"), "medallion-test".toCharArray())));
    }

    private java.net.URI baseOf() {
        return java.net.URI.create("https://127.0.0.1:" + medallion.server.port() + "/");
    }
}
