package org.hotline.taxii.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.hotline.stix.StixJson;
import org.hotline.taxii.TaxiiError;
import org.hotline.taxii.TaxiiMediaTypes;
import tools.jackson.databind.JsonNode;

/**
 * A TAXII 2.1 client for one server (java.net.http): discovery, API root, collections, manifest,
 * objects (one page, or all pages with {@link #pull}), Add Objects and status.
 *
 * <p>Every request sends {@code Accept: application/taxii+json;version=2.1} (and the same
 * Content-Type on POST) and every response must carry that media type, errors included; HTTP Basic
 * credentials go with every request. URLs are used as given: an API root must end with {@code /},
 * since TAXII paths are relative to it and trailing slashes matter (CHANNEL-NOTES c.4 item 11).
 *
 * <p>Hazards: credentials are refused over plain HTTP except to a loopback address (tests, a local
 * proxy); redirects are never followed, so credentials never reach another host; TLS trust and the
 * client certificate for mutual TLS come from the {@link SSLContext} the caller supplies
 * ({@link #httpClient}).
 */
public final class TaxiiClient {
    private static final String USER_AGENT = "hotline/0.1 (TAXII 2.1 client)";
    /**
     * The longest response read: 64 MiB, six times what a Hotline node accepts in one request (10 MB)
     * and far more than a page of objects; a server sending more is broken or hostile.
     */
    public static final long MAX_RESPONSE_BYTES = 64L << 20;
    private final HttpClient http;
    private final TaxiiCredentials credentials;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    /**
     * @param credentials Basic credentials for this server, or null for none
     */
    public TaxiiClient(HttpClient http, TaxiiCredentials credentials, Duration requestTimeout) {
        this(http, credentials, requestTimeout, MAX_RESPONSE_BYTES);
    }

    /** @param maxResponseBytes the longest response body read; a longer one fails the request */
    public TaxiiClient(HttpClient http, TaxiiCredentials credentials, Duration requestTimeout, long maxResponseBytes) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = credentials;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * An HTTP client for TAXII: HTTP/1.1, no redirects, the given TLS context (trust store, and key
     * store when the partner wants mutual TLS).
     */
    public static HttpClient httpClient(SSLContext tls, Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).sslContext(tls).build();
    }

    /** {@code GET {discoveryUrl}}, normally {@code https://host/taxii2/}. */
    public Discovery discover(URI discoveryUrl) {
        return Discovery.read(get(discoveryUrl).fields("Server Discovery"));
    }

    public ApiRootInfo apiRoot(URI apiRoot) {
        return ApiRootInfo.read(get(apiRoot).fields("API Root"));
    }

    public java.util.List<CollectionInfo> collections(URI apiRoot) {
        Response r = get(apiRoot.resolve("collections/"));
        Fields f = r.fields("Collections");
        java.util.List<CollectionInfo> out = new java.util.ArrayList<>();
        for (JsonNode c : f.node().path("collections")) {
            out.add(CollectionInfo.read(f.nested("Collection", c)));
        }
        return out;
    }

    public CollectionInfo collection(URI apiRoot, String collectionId) {
        return CollectionInfo.read(get(collectionUrl(apiRoot, collectionId)).fields("Collection"));
    }

    /** One page of the manifest; {@code next} is the previous page's, or null. */
    public ManifestPage manifest(URI apiRoot, String collectionId, ObjectFilter filter, String next) {
        Response r = get(URI.create(collectionUrl(apiRoot, collectionId) + "manifest/" + filter.query(next)));
        return ManifestPage.read(r.fields("Manifest"), r.header("X-TAXII-Date-Added-First"), r.header("X-TAXII-Date-Added-Last"));
    }

    /** One page of objects; {@code next} is the previous page's, or null. */
    public ObjectsPage objects(URI apiRoot, String collectionId, ObjectFilter filter, String next) {
        Response r = get(URI.create(objectsUrl(apiRoot, collectionId) + filter.query(next)));
        return ObjectsPage.read(r.fields("Envelope"), r.header("X-TAXII-Date-Added-First"), r.header("X-TAXII-Date-Added-Last"));
    }

    /**
     * Reads every page of objects matching {@code filter}, handing each to {@code sink}, paging as TAXII
     * 2.1 (section 3.4) says: while the server says {@code more}, ask again with its {@code next} and
     * the same original query; if it gives no {@code next}, ask again with {@code added_after} set to
     * the page's {@code X-TAXII-Date-Added-Last} (exclusive, so nothing is read twice).
     *
     * @throws TaxiiException if the server says {@code more} but gives neither {@code next} nor the date
     *                        header, or would make the pull go round in circles (the same cursor twice)
     */
    public PullResult pull(URI apiRoot, String collectionId, ObjectFilter filter, Consumer<ObjectsPage> sink) {
        ObjectFilter query = filter;
        String next = null;
        String checkpoint = filter.addedAfter();
        // Every cursor this pull was given: a partner's server that hands one out again (next=a, b, a, ...)
        // would otherwise keep the pull, and the objects it gathers, growing until the node runs out of memory.
        Set<String> seenNext = new HashSet<>();
        Set<String> seenAddedAfter = new HashSet<>();
        int pages = 0;
        long objects = 0;
        while (true) {
            ObjectsPage page = objects(apiRoot, collectionId, query, next);
            pages++;
            objects += page.objects().size();
            sink.accept(page);
            if (page.dateAddedLast() != null) {
                checkpoint = page.dateAddedLast();
            }
            if (!page.more()) {
                return new PullResult(pages, objects, checkpoint);
            }
            URI at = objectsUrl(apiRoot, collectionId);
            if (page.next() != null) {
                if (page.next().equals(next)) {
                    throw new TaxiiException("GET", at, 200, null, false, "the server returned next=" + next
                            + " twice in a row; stopping rather than reading the same page forever", null);
                }
                if (!seenNext.add(page.next())) {
                    throw new TaxiiException("GET", at, 200, null, false, "the server returned next=" + page.next()
                            + " again after other pages; stopping rather than going round in circles", null);
                }
                next = page.next();
            } else if (page.dateAddedLast() != null) {
                if (page.dateAddedLast().equals(query.addedAfter())) {
                    throw new TaxiiException("GET", at, 200, null, false, "the server says more objects follow "
                            + page.dateAddedLast() + " but keeps returning the page ending there; stopping", null);
                }
                if (!seenAddedAfter.add(page.dateAddedLast())) {
                    throw new TaxiiException("GET", at, 200, null, false, "the server's pages went back to one ending "
                            + page.dateAddedLast() + " again; stopping rather than going round in circles", null);
                }
                query = query.withAddedAfter(page.dateAddedLast());
                next = null;
            } else {
                throw new TaxiiException("GET", at, 200, null, false, "the server says more objects follow but "
                        + "sends neither 'next' nor X-TAXII-Date-Added-Last, so the next page cannot be asked for", null);
            }
        }
    }

    /** {@code POST} an envelope to a collection; returns the status resource of the 202 response. */
    public TaxiiStatus addObjects(URI apiRoot, String collectionId, JsonNode envelope) {
        URI uri = objectsUrl(apiRoot, collectionId);
        HttpRequest.Builder b = request("POST", uri)
                .header("Content-Type", TaxiiMediaTypes.TAXII_21)
                .POST(HttpRequest.BodyPublishers.ofString(StixJson.write(envelope), StandardCharsets.UTF_8));
        return TaxiiStatus.read(send("POST", uri, b).fields("Status"));
    }

    public TaxiiStatus status(URI apiRoot, String statusId) {
        return TaxiiStatus.read(get(apiRoot.resolve("status/" + statusId + "/")).fields("Status"));
    }

    public static URI collectionUrl(URI apiRoot, String collectionId) {
        if (!apiRoot.getPath().endsWith("/")) {
            throw new IllegalArgumentException("a TAXII API root URL ends with '/': " + apiRoot);
        }
        return apiRoot.resolve("collections/" + collectionId + "/");
    }

    public static URI objectsUrl(URI apiRoot, String collectionId) {
        return collectionUrl(apiRoot, collectionId).resolve("objects/");
    }

    private Response get(URI uri) {
        return send("GET", uri, request("GET", uri).GET());
    }

    private HttpRequest.Builder request(String method, URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", TaxiiMediaTypes.TAXII_21).header("User-Agent", USER_AGENT);
        if (credentials != null) {
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri)) {
                throw new TaxiiException(method, uri, 0, null, false,
                        "refusing to send Basic credentials over plain HTTP to a host that is not loopback; use https", null);
            }
            b.header("Authorization", credentials.header());
        }
        return b;
    }

    private Response send(String method, URI uri, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), CappedBody.handler(maxResponseBytes));
        } catch (HttpTimeoutException e) {
            throw new TaxiiException(method, uri, 0, null, true, "no HTTP response within the timeout (" + e.getMessage() + ")", e);
        } catch (ConnectException e) {
            throw new TaxiiException(method, uri, 0, null, true, "no HTTP response: cannot connect (" + describe(e) + ")", e);
        } catch (SSLException e) {
            throw new TaxiiException(method, uri, 0, null, true, "no HTTP response: TLS handshake failed (" + describe(e)
                    + "); check the trust store and, for mutual TLS, the client certificate", e);
        } catch (IOException e) {
            CappedBody.TooLarge tooLarge = tooLarge(e);
            if (tooLarge != null) {
                // Asking again brings the same answer: this is the server's fault, not the network's.
                throw new TaxiiException(method, uri, 0, null, false, tooLarge.getMessage(), e);
            }
            throw new TaxiiException(method, uri, 0, null, true, "no HTTP response: I/O error (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException(method, uri, 0, null, true, "interrupted", e);
        }
        return new Response(method, uri, response);
    }

    /** The {@link CappedBody.TooLarge} behind {@code e} (the client may wrap it), or null. */
    private static CappedBody.TooLarge tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CappedBody.TooLarge t) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        if (e.getCause() != null && e.getCause() != e) {
            sb.append("; caused by ").append(describe(e.getCause()));
        }
        return sb.toString();
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // Only literal addresses reach getByName here (no DNS): anything else is not loopback.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]") && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A received response: checks status and media type, then parses. */
    private static final class Response {
        final String method;
        final URI uri;
        final HttpResponse<String> response;

        Response(String method, URI uri, HttpResponse<String> response) {
            this.method = method;
            this.uri = uri;
            this.response = response;
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        Fields fields(String resource) {
            int status = response.statusCode();
            String type = header("Content-Type");
            if (status < 200 || status > 299) {
                TaxiiError error = errorBody(type);
                throw new TaxiiException(method, uri, status, error, TaxiiException.retryable(status), "HTTP " + status
                        + (error != null ? ": " + error.summary() : bodySnippet(type)), null);
            }
            if (!TaxiiMediaTypes.isTaxii21(type)) {
                throw new TaxiiException(method, uri, status, null, false, "unexpected Content-Type '" + type
                        + "' for Accept '" + TaxiiMediaTypes.TAXII_21 + "'", null);
            }
            JsonNode body;
            try {
                body = StixJson.read(response.body());
            } catch (IllegalArgumentException e) {
                throw new TaxiiException(method, uri, status, null, false, "the " + resource + " is " + e.getMessage(), e);
            }
            return new Fields(method, uri, status, resource, body);
        }

        private TaxiiError errorBody(String type) {
            if (!TaxiiMediaTypes.isTaxii21(type)) {
                return null;
            }
            try {
                return TaxiiError.parse(StixJson.read(response.body()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private String bodySnippet(String type) {
            String body = response.body() == null ? "" : response.body().strip();
            if (body.isEmpty()) {
                return " (empty body" + (type == null ? ")" : ", Content-Type " + type + ")");
            }
            return " (Content-Type " + type + ": " + (body.length() > 120 ? body.substring(0, 117) + "..." : body) + ")";
        }
    }
}
