package org.hotline.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;

/**
 * A bare HTTPS client for the server tests: the JDK's HttpClient with a pinned TLS context, sending
 * exactly the headers a test gives (so tests can send wrong ones). Not the product's TAXII client.
 */
final class TaxiiHttp {
    static final String TAXII = TaxiiMedia.TAXII_21;

    private final HttpClient client;
    private final SSLContext tls;
    private final URI base;
    private String authorization;

    TaxiiHttp(SSLContext tls, URI base) {
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        this.tls = tls;
        this.base = base;
    }

    TaxiiHttp basic(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TaxiiHttp anonymous() {
        authorization = null;
        return this;
    }

    HttpResponse<String> get(String path) {
        return get(path, TAXII);
    }

    HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder b = request(path);
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return post(path, body, TAXII);
    }

    HttpResponse<String> post(String path, String body, String contentType) {
        HttpRequest.Builder b = request(path).header("Accept", TAXII);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** See {@link org.hotline.testing.EarlyRefusal}: for a body the server refuses before reading it. */
    org.hotline.testing.EarlyRefusal.Response postRefusedEarly(String path, String body) throws java.io.IOException {
        return org.hotline.testing.EarlyRefusal.post(tls, base.resolve(path), TAXII, TAXII, authorization, body);
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).header("Accept", TAXII).DELETE().build());
    }

    static JsonNode json(HttpResponse<String> r) {
        return TaxiiJson.MAPPER.readTree(r.body());
    }

    static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
