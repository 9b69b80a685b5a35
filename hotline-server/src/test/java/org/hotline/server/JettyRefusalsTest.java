package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.hotline.server.auth.PartnerAccess;
import org.hotline.server.auth.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Requests Jetty refuses before Javalin sees them (a malformed or over-long URI) are answered in
 * TAXII's form too, with Jetty's status: a real server, raw requests over TLS (the JDK's client
 * will not send such URIs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyRefusalsTest {
    private TestTaxiiNode node;
    private TaxiiServer server;
    private SSLContext tls;

    @BeforeAll
    void start(@TempDir Path dir) {
        node = new TestTaxiiNode(dir, List.of(
                new PartnerAccess("identity--0b0c6d3e-1f2a-4b3c-8d4e-5f6a7b8c9d01", "B-CERT", "b", PasswordHash.hash("b-password"), null)),
                caller -> List.of());
        server = node.server;
        tls = node.tls;
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/collections/%zz/objects/, 400",     // not percent-encoding
        "/api/collections/%00/objects/, 400",     // an encoded NUL
        "/api/collections/?match[id]=LONG, 414",  // a URI longer than Jetty takes
    })
    void jettysRefusalsAreTaxiiErrors(String path, int status) throws IOException {
        String[] answer = get(path.replace("LONG", "a".repeat(20_000)));

        assertThat(answer[0]).startsWith("HTTP/1.1 " + status);
        assertThat(answer[1]).isEqualTo(TaxiiMedia.TAXII_21);
        JsonNode error = TaxiiJson.MAPPER.readTree(answer[2]);
        assertThat(error.path("http_status").asString()).isEqualTo(Integer.toString(status));
        assertThat(error.path("title").asString()).isNotBlank();
        assertThat(error.path("description").asString()).isNotBlank();
    }

    /** A method a resource does not have is 405 in TAXII's form; a path with no resource stays 404. */
    @ParameterizedTest
    @CsvSource({
        "PUT, /api/collections/, 405",
        "PATCH, /api/, 405",
        "PUT, /api/nothing-here/, 404",
    })
    void aMethodTheResourceDoesNotHaveIs405(String method, String path, int status) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", TaxiiMedia.TAXII_21)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("b:b-password".getBytes(StandardCharsets.UTF_8)))
                .build();

        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(TaxiiMedia.TAXII_21);
        assertThat(TaxiiJson.MAPPER.readTree(answer.body()).path("http_status").asString()).isEqualTo(Integer.toString(status));
    }

    /** The status line, the Content-Type and the body of a raw GET. */
    private String[] get(String rawPath) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + TaxiiMedia.TAXII_21
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String type = null;
            for (String line : response.substring(0, headerEnd).split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    type = line.substring(13).trim();
                }
            }
            return new String[] {response.substring(0, response.indexOf("\r\n")), type, response.substring(headerEnd + 4)};
        }
    }
}
