package org.hotline.taxii.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.hotline.taxii.TaxiiError;
import org.hotline.taxii.TaxiiMediaTypes;

/**
 * A real HTTP(S) server on a random loopback port that answers TAXII requests with canned or computed
 * replies and records every request, so the client is tested over real sockets, headers and TLS.
 * Unknown routes answer 404 with a TAXII error, as a TAXII server does.
 */
final class TaxiiTestServer implements AutoCloseable {
    /** A request as received: method, path with query (decoded), headers, body. */
    record Recorded(String method, URI uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        /** The decoded query parameters. */
        Map<String, String> query() {
            Map<String, String> out = new HashMap<>();
            if (uri.getQuery() != null) {
                for (String p : uri.getQuery().split("&")) {
                    String[] kv = p.split("=", 2);
                    out.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            return out;
        }
    }

    /** A reply: status, Content-Type, body and extra headers. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply taxii(int status, String body) {
            return new Reply(status, TaxiiMediaTypes.TAXII_21, body, Map.of());
        }

        static Reply error(int status, String title, String description) {
            return taxii(status, org.hotline.stix.StixJson.write(TaxiiError.of(status, title, description).toJson()));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Recorded, Reply>> routes = new HashMap<>();
    private final Map<String, Deque<Reply>> sequences = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();

    /** Plain HTTP. */
    TaxiiTestServer() {
        this(null, false);
    }

    /** HTTPS with {@code tls}; {@code needClientAuth} asks for a client certificate (mutual TLS). */
    TaxiiTestServer(SSLContext tls, boolean needClientAuth) {
        try {
            InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(any, 0);
            } else {
                HttpsServer https = HttpsServer.create(any, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        var p = tls.getDefaultSSLParameters();
                        p.setNeedClientAuth(needClientAuth);
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http(s)://127.0.0.1:port} + {@code path}. */
    URI uri(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void on(String method, String path, Function<Recorded, Reply> handler) {
        synchronized (routes) {
            routes.put(method + " " + path, handler);
        }
    }

    /** Replies in turn, one per request; the last one repeats. */
    void onSequence(String method, String path, Reply... replies) {
        synchronized (routes) {
            sequences.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        }
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            synchronized (requests) {
                requests.add(r);
            }
            String key = r.method() + " " + r.uri().getPath();
            Reply reply;
            Function<Recorded, Reply> route;
            synchronized (routes) {
                Deque<Reply> seq = sequences.get(key);
                reply = seq == null ? null : seq.size() > 1 ? seq.poll() : seq.peek();
                route = routes.get(key);
            }
            if (reply == null) {
                reply = route != null ? route.apply(r) : Reply.error(404, "Not Found", "no route " + key);
            }
            byte[] body = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            // "Transfer-Encoding: chunked" asks for a body without a Content-Length; the server writes that header itself.
            boolean chunked = "chunked".equals(reply.headers().get("Transfer-Encoding"));
            reply.headers().forEach((k, v) -> {
                if (!k.equals("Transfer-Encoding")) {
                    ex.getResponseHeaders().set(k, v);
                }
            });
            ex.sendResponseHeaders(reply.status(), chunked ? 0 : body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
