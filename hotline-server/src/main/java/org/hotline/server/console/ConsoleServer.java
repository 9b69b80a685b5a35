package org.hotline.server.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.hotline.report.html.MapGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's console: a read-only web page (dashboard of concerns and deadlines, each concern
 * with its signed history, materials and obligations, and the channels' accounts) and the JSON API
 * it reads, on a loopback address of the node's own machine, apart from the TAXII port partners reach.
 *
 * <p>Why these defences, for a page on loopback: any web site the operator visits can make the
 * browser send requests to 127.0.0.1. So every API call needs the console's token as a bearer
 * header, which another site can neither read nor make the browser add (a cookie it would); the page
 * takes the token from the URL's fragment, which is never sent to any server. A request whose Host is
 * not a loopback name of this console is refused, so a DNS-rebound name cannot read even the static
 * page. Nothing is cached, framed or loaded from elsewhere (the CSP), and the API only reads: every
 * step of a concern is still taken, and signed, with the CLI.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESOURCES = "/org/hotline/server/console/";
    /** The page's own script and style only; data comes from this origin's API. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /**
     * On every answer, Jetty's own refusals included (ConsoleErrorHandler). Another site may still embed
     * the page's script or style (<script src=http://127.0.0.1:PORT/console.js>): that it loads, or runs
     * and calls /api/node, tells the site its visitor runs a Hotline node, and on which port; only this
     * origin may load them (CORP). Nor may a page that opened the console in a window keep a hold on it
     * (to steer its address or watch it load: COOP).
     */
    static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store",
            "Cross-Origin-Resource-Policy", "same-origin", "Cross-Origin-Opener-Policy", "same-origin");
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/console.js", "console.js",
            "/console.css", "console.css");

    private final Javalin app;
    private final String host;
    private final String tokenText;
    private final byte[] token;

    /**
     * @param host  a loopback address (127.0.0.1, ::1, localhost): the console has no TLS and no
     *              login, only the token, and is for the operator at the node's own machine
     * @param port  the port, 0 for any free one
     * @param token the secret every API call must carry ({@code Authorization: Bearer TOKEN})
     */
    public ConsoleServer(ConsoleData data, String host, int port, String token) {
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("the console listens on loopback only (127.0.0.1, ::1 or localhost), not '" + host
                    + "': it is for the operator at this machine; reach it from elsewhere through an SSH tunnel");
        }
        if (token == null || token.length() < 20) {
            throw new IllegalArgumentException("the console's token must be at least 20 characters");
        }
        this.host = host;
        this.tokenText = token;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new java.util.HashMap<>();
        FILES.forEach((path, name) -> files.put(path, resource(name)));
        byte[] map = MapGeometry.tsv();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 8192;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ConsoleErrorHandler()));
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(host);
                c.setPort(port);
                return c;
            });
            cfg.routes.before(this::admit);
            files.forEach((path, body) -> cfg.routes.get(path, ctx -> ctx.contentType(contentType(path)).result(body)));
            cfg.routes.get("/api/node", ctx -> json(ctx, data.node()));
            cfg.routes.get("/api/concerns", ctx -> json(ctx, data.concerns()));
            cfg.routes.get("/api/concerns/{id}", ctx -> json(ctx, concern(data, ctx.pathParam("id"))));
            cfg.routes.get("/api/report", ctx -> json(ctx, report(data, when(ctx, "since"), when(ctx, "until"))));
            cfg.routes.get("/api/origins", ctx -> json(ctx, data.origins(allConcerns(ctx))));
            // The map's outlines: public data, the same for every node, drawn by the page.
            cfg.routes.get("/world-map.tsv", ctx -> ctx.contentType("text/tab-separated-values; charset=utf-8").result(map));
            cfg.routes.exception(ConsoleException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("console: {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "the node failed to answer: " + e.getClass().getSimpleName() + " (see the node's log)");
            });
            cfg.routes.error(404, ctx -> {
                if (!isJson(ctx)) {
                    error(ctx, 404, "nothing at " + ctx.path() + "; the console is at / and its API under /api/");
                }
            });
            cfg.routes.error(405, ctx -> {
                if (!isJson(ctx)) {
                    error(ctx, 405, "the console only reads (GET); steps of a concern are taken with the CLI");
                }
            });
        });
    }

    /** Every request: security headers; a loopback Host of this console; the token for the API. */
    private void admit(Context ctx) {
        HEADERS.forEach(ctx::header);
        String requestHost = ctx.header("Host");
        if (!ConsoleHosts.isOwn(requestHost, host)) {
            throw new ConsoleException(403, "Host '" + requestHost + "' is not this console's address; open it as http://127.0.0.1:"
                    + app.port() + "/ (other names are refused so that no web site can reach it by DNS rebinding)");
        }
        if (ctx.path().startsWith("/api/")) {
            String auth = ctx.header("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"hotline console\"");
                throw new ConsoleException(401, "the API needs the console's token: Authorization: Bearer TOKEN"
                        + " (the token is in the node's home, console.token; `hotline serve` prints the console's URL with it)");
            }
            byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, token)) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"hotline console\", error=\"invalid_token\"");
                throw new ConsoleException(401, "wrong console token (it changes only when console.token in the node's home is removed)");
            }
        }
    }

    private static JsonNode concern(ConsoleData data, String id) {
        return data.concern(id).orElseThrow(() -> new ConsoleException(404, "no concern '" + id + "' on this node"));
    }

    private static JsonNode report(ConsoleData data, Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ConsoleException(400, "since " + since + " is not before until " + until);
        }
        return data.report(since, until);
    }

    private static boolean allConcerns(Context ctx) {
        String scope = ctx.queryParam("scope");
        if (scope == null || scope.equals("open")) {
            return false;
        }
        if (scope.equals("all")) {
            return true;
        }
        throw new ConsoleException(400, "scope: '" + scope + "' is neither open (open concerns, the default) nor all");
    }

    private static Instant when(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConsoleException(400, name + ": '" + text + "' is neither a date (2021-09-01) nor an instant (2021-09-01T00:00:00Z)");
        }
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
    }

    private static void error(Context ctx, int status, String reason) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status);
        o.put("reason", reason);
        ctx.status(status);
        json(ctx, o);
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static String contentType(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isLoopback(String host) {
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        // Literal addresses only: a name that resolves to loopback today may not tomorrow, and the Host
        // check admits the console's own name. InetAddress looks up in DNS whatever is not a literal (a
        // name starting with a hex digit, "cafe.example", too), so only digits and dots (IPv4), or a
        // colon (IPv6, which it never looks up), reach it.
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public ConsoleServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The address to open, token included (in the fragment, which the browser never sends). */
    public String url() {
        return address() + "#token=" + tokenText;
    }

    /** The address without the token: what may be logged. */
    public String address() {
        String shown = host.contains(":") ? "[" + host + "]" : host.equalsIgnoreCase("localhost") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
