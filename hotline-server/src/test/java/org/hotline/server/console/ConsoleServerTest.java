package org.hotline.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's HTTP face on a real listener: what it answers without the token, under another Host,
 * to a write, and with a bad query, and that it hands the data port's JSON through unchanged. The
 * data behind it is {@link ConsoleData}'s seam; the node's real data and the page in a browser are
 * tested in the CLI module (ConsoleBrowserIT).
 */
class ConsoleServerTest {
    static final String TOKEN = "t0k3n-for-this-test-only-0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final List<String> reportAsked = new ArrayList<>();
    final List<Boolean> originsAsked = new ArrayList<>();
    ConsoleServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        ConsoleData data = new ConsoleData() {
            @Override
            public JsonNode node() {
                return JSON.readTree("{\"party\":{\"id\":\"identity--1\",\"name\":\"RU-CERT\",\"country\":\"RU\"},\"partners\":[]}");
            }

            @Override
            public JsonNode concerns() {
                return JSON.readTree("[{\"id\":\"incident--a\",\"summary\":\"<img src=x onerror=alert(1)>\"}]");
            }

            @Override
            public Optional<JsonNode> concern(String id) {
                return id.equals("incident--a") ? Optional.of(JSON.readTree("{\"id\":\"incident--a\"}")) : Optional.empty();
            }

            @Override
            public JsonNode report(Instant since, Instant until) {
                reportAsked.add(since + " " + until);
                return JSON.createArrayNode();
            }

            @Override
            public JsonNode origins(boolean all) {
                originsAsked.add(all);
                return JSON.readTree("{\"scope\":\"" + (all ? "all" : "open") + "\",\"countries\":[]}");
            }
        };
        server = new ConsoleServer(data, "127.0.0.1", 0, TOKEN).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersOnlyWithTheTokenAndSaysWhereToFindIt() throws Exception {
        HttpResponse<String> none = get("/api/concerns", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(none.body()).get("reason").asString()).contains("console.token");
        assertThat(get("/api/concerns", TOKEN.substring(1)).statusCode()).isEqualTo(401);
        assertThat(get("/api/concerns", TOKEN + "x").statusCode()).isEqualTo(401);

        HttpResponse<String> ok = get("/api/concerns", TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(ok.body()).get(0).get("summary").asString()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void thePageItselfNeedsNoTokenButLoadsNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/console.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleServer.CSP);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        // No other site may embed the script or style (their loading would tell it a console runs here) or hold the window.
        for (String path : List.of("/", "/console.js", "/console.css", "/api/node")) {
            assertThat(get(path, null).headers().firstValue("Cross-Origin-Resource-Policy")).as(path).hasValue("same-origin");
        }
        assertThat(page.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(get("/console.js", null).headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        // The script writes data as text only: no innerHTML anywhere in it.
        assertThat(get("/console.js", null).body()).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML").contains("textContent");
    }

    @Test
    void aRequestUnderAnotherHostNameIsRefusedAsDnsRebindingWould() throws Exception {
        assertThat(rawStatus("evil.example:" + server.port(), "/")).isEqualTo(403);
        // Through an SSH tunnel (ssh -L 9000:127.0.0.1:PORT) the browser names the tunnel's port.
        assertThat(rawStatus("127.0.0.1:9000", "/")).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:x", "/")).as("no port: Jetty refuses it first").isEqualTo(400);
        assertThat(rawStatus("localhost:" + server.port(), "/")).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + server.port(), "/")).isEqualTo(200);
    }

    /**
     * What Jetty refuses before Javalin sees it (a URI that is no percent-encoding, one Host in the
     * request line and another in its header, a header too long): a page any site may open in a frame
     * or a window, so with the same headers as the rest, and in the API's form.
     */
    @Test
    void jettysOwnRefusalsCarryTheConsolesHeadersToo() throws Exception {
        String big = "x".repeat(20_000);
        for (String request : List.of("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n",
                "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Big: " + big + "\r\n")) {
            String response = raw(request + "Connection: close\r\n\r\n");
            assertThat(response).as(request.lines().findFirst().orElseThrow()).startsWith("HTTP/1.1 4")
                    .contains("Content-Security-Policy: " + ConsoleServer.CSP, "X-Frame-Options: DENY", "X-Content-Type-Options: nosniff",
                            "Cross-Origin-Resource-Policy: same-origin", "Cache-Control: no-store", "application/json")
                    .doesNotContain("<html");
        }
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** java.net.http will not send a Host of our choosing; a socket will. */
    private int rawStatus(String host, String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void unknownConcernsPathsAndWritesGetAReasonNotAStackTrace() throws Exception {
        HttpResponse<String> missing = get("/api/concerns/incident--nope", TOKEN);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("reason").asString()).contains("incident--nope");
        assertThat(get("/api/concerns/incident--a", TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/nothing-here", TOKEN).statusCode()).isEqualTo(404);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/concerns"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(JSON.readTree(post.body()).get("reason").asString()).isNotBlank();
    }

    @Test
    void theReportPeriodIsReadAsDatesOrInstantsAndABadOneIs400() throws Exception {
        assertThat(get("/api/report?since=2021-09-01&until=2021-09-20T12:00:00Z", TOKEN).statusCode()).isEqualTo(200);
        assertThat(reportAsked).containsExactly("2021-09-01T00:00:00Z 2021-09-20T12:00:00Z");
        HttpResponse<String> bad = get("/api/report?since=yesterday", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("reason").asString()).contains("yesterday");
        assertThat(get("/api/report?since=2021-09-20&until=2021-09-01", TOKEN).statusCode()).isEqualTo(400);
        assertThat(reportAsked).hasSize(1);
    }

    @Test
    void theOriginsAreOfOpenConcernsUnlessAllAreAskedForAndTheMapsOutlinesNeedNoToken() throws Exception {
        assertThat(get("/api/origins", null).statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(get("/api/origins", TOKEN).body()).get("scope").asString()).isEqualTo("open");
        assertThat(JSON.readTree(get("/api/origins?scope=all", TOKEN).body()).get("scope").asString()).isEqualTo("all");
        HttpResponse<String> bad = get("/api/origins?scope=closed", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("reason").asString()).contains("closed", "open", "all");
        assertThat(originsAsked).containsExactly(false, true);

        // The HTML report's own outlines: the same map in both faces.
        HttpResponse<String> map = get("/world-map.tsv", null);
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
        assertThat(map.body()).startsWith("# Generated by WorldMapConversion").contains("#viewBox 0 0 1000 494", "\nUS\t");
    }

    @Test
    void itListensOnLoopbackOnlyAndWantsALongToken() {
        assertThatThrownBy(() -> new ConsoleServer(null, "0.0.0.0", 0, TOKEN)).hasMessageContaining("loopback only");
        assertThatThrownBy(() -> new ConsoleServer(null, "192.0.2.1", 0, TOKEN)).hasMessageContaining("loopback only");
        assertThatThrownBy(() -> new ConsoleServer(null, "127.0.0.1", 0, "short")).hasMessageContaining("20 characters");
        assertThat(ConsoleServer.isLoopback("::1")).isTrue();
        assertThat(ConsoleServer.isLoopback("localhost")).isTrue();
        assertThat(ConsoleServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(ConsoleServer.isLoopback("loopback.example")).isFalse();
    }

    /**
     * A name is not a loopback address, even one that resolves to 127.0.0.1 today: its owner may point
     * it elsewhere (DNS rebinding), and the Host check lets the console's own name through. A JVM of
     * its own, with a hosts file, shows whether the check looks names up.
     */
    @Test
    void aNameThatResolvesToLoopbackIsNotALoopbackAddress(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hosts"), "127.0.0.1 cafe.example\n::1 dead.example\n");
        Files.writeString(dir.resolve("Check.java"), "public class Check { public static void main(String[] a) { for (String h : a)"
                + " System.out.println(h + ' ' + org.hotline.server.console.ConsoleServer.isLoopback(h)); } }");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + dir.resolve("hosts"), "-cp", System.getProperty("java.class.path"),
                dir.resolve("Check.java").toString(), "cafe.example", "dead.example", "127.0.0.1", "::1", "localhost").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.lines()).containsExactly("cafe.example false", "dead.example false", "127.0.0.1 true", "::1 true", "localhost true");
    }

    @Test
    void theUrlCarriesTheTokenInTheFragmentOnly() {
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/#token=" + TOKEN);
        assertThat(server.address()).as("what may be logged").isEqualTo("http://127.0.0.1:" + server.port() + "/").doesNotContain(TOKEN);
    }
}
