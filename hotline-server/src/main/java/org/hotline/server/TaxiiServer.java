package org.hotline.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.hotline.channel.ChannelException;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.TaxiiStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TAXII 2.1 server on Javalin/Jetty: the routes of {@link TaxiiRoutes} under {@code /taxii2/} and one
 * API root, over HTTPS (or plain HTTP when no TLS is given, for local experiments only).
 *
 * <p>Every request, even one to an unknown path, is authenticated first (401), then must accept the
 * TAXII media type (406), as medallion checks them. Every answer, errors included, is
 * {@code application/taxii+json;version=2.1}. Refusals are logged with the caller and the reason.
 */
public final class TaxiiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaxiiServer.class);

    private final Javalin app;

    /**
     * @param tls  the server's TLS (see {@link ServerTls}), or null for plain HTTP
     * @param host the address to listen on, e.g. 127.0.0.1
     * @param port the port, 0 for any free one
     */
    public TaxiiServer(TaxiiSettings settings, Authenticator authenticator, Catalog catalog, CollectionStore store,
                       Intake intake, TaxiiStatuses statuses, Clock clock, SslContextFactory.Server tls, String host, int port) {
        this(settings, authenticator, catalog, store, intake, Readout.NONE, statuses, clock, tls, host, port);
    }

    /** @param readout told what was served to whom (see {@link Readout}) */
    public TaxiiServer(TaxiiSettings settings, Authenticator authenticator, Catalog catalog, CollectionStore store,
                       Intake intake, Readout readout, TaxiiStatuses statuses, Clock clock, SslContextFactory.Server tls,
                       String host, int port) {
        TaxiiRoutes r = new TaxiiRoutes(settings, catalog, store, intake, readout, statuses, clock);
        String root = "/" + settings.apiRoot() + "/";
        String collection = root + "collections/{collectionId}/";
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = settings.maxContentLength();
            // PUT on a collection is "not allowed there" (405), not "nothing there" (404), as HTTP asks.
            cfg.http.prefer405over404 = true;
            cfg.jetty.addConnector((server, http) -> connector(server, http, tls, host, port));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new TaxiiErrorHandler()));
            cfg.routes.before(ctx -> admit(ctx, authenticator, settings));
            cfg.routes.get("/taxii2/", r::discovery);
            cfg.routes.get(root, r::apiRoot);
            cfg.routes.get(root + "status/{statusId}/", r::status);
            cfg.routes.get(root + "collections/", r::collections);
            cfg.routes.get(collection, r::collection);
            cfg.routes.get(collection + "manifest/", r::manifest);
            cfg.routes.get(collection + "objects/", r::objects);
            cfg.routes.post(collection + "objects/", r::addObjects);
            cfg.routes.get(collection + "objects/{objectId}/", r::object);
            cfg.routes.delete(collection + "objects/{objectId}/", r::delete);
            cfg.routes.get(collection + "objects/{objectId}/versions/", r::versions);
            cfg.routes.exception(TaxiiException.class, (e, ctx) -> refuse(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, fromJavalin(e)));
            cfg.routes.exception(ChannelException.class, (e, ctx) -> refuse(ctx, ChannelRefusals.toTaxii(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                refuse(ctx, new TaxiiException(500, "Internal Server Error", "the server failed: " + e.getClass().getSimpleName()));
            });
            cfg.routes.error(404, ctx -> fallback(ctx, TaxiiException.notFound("no TAXII resource at " + ctx.path()
                    + " (URLs end with '/'; discovery is /taxii2/, the API root " + root + ")")));
            cfg.routes.error(405, ctx -> fallback(ctx, new TaxiiException(405, "Method Not Allowed",
                    ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    private static ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                             SslContextFactory.Server tls, String host, int port) {
        ServerConnector c;
        if (tls == null) {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            HttpConfiguration https = new HttpConfiguration(http);
            // Partners reach a node by IP as often as by name; a Host that differs from the certificate's
            // names is no reason to refuse here (the client verified the certificate it pinned).
            SecureRequestCustomizer secure = new SecureRequestCustomizer(false, false, -1, false);
            https.addCustomizer(secure);
            c = new ServerConnector(server, tls, new HttpConnectionFactory(https));
        }
        c.setHost(host);
        c.setPort(port);
        return c;
    }

    private static void admit(Context ctx, Authenticator authenticator, TaxiiSettings settings) {
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        try {
            ctx.attribute(TaxiiRoutes.CALLER, authenticator.authenticate(ctx.header("Authorization"), chain, ctx.ip()));
        } catch (TaxiiException e) {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Basic realm=\"" + settings.apiRoot() + "\", charset=\"UTF-8\"");
            }
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds() + 1)));
            }
            throw e;
        }
        if (!TaxiiMedia.accepts(ctx.header("Accept"))) {
            throw new TaxiiException(406, "Not Acceptable", "Accept must list " + TaxiiMedia.TAXII_21 + ", was "
                    + ctx.header("Accept"));
        }
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxContentLength()) {
            throw tooLarge(length, settings.maxContentLength());
        }
    }

    static TaxiiException tooLarge(long length, long max) {
        return new TaxiiException(413, "Content Too Large", "the request body has " + length + " bytes; this API root takes at most "
                + max + " (max_content_length)");
    }

    private static TaxiiException fromJavalin(HttpResponseException e) {
        return new TaxiiException(e.getStatus(), e.getStatus() == 413 ? "Content Too Large" : "HTTP " + e.getStatus(), e.getMessage());
    }

    private static void refuse(Context ctx, TaxiiException e) {
        Caller caller = TaxiiRoutes.caller(ctx);
        if (e.status() < 500) {
            LOG.warn("refused {} {} from {}: {} {}", ctx.method(), ctx.path(), caller == null ? ctx.ip() : caller.name(),
                    e.status(), e.getMessage());
        }
        TaxiiRoutes.send(ctx, e.status(), TaxiiJson.error(e));
    }

    /** For Javalin's own 404/405: answer in TAXII's form unless a handler already did. */
    private static void fallback(Context ctx, TaxiiException e) {
        String contentType = ctx.res().getContentType();
        if (contentType == null || !contentType.startsWith("application/taxii+json")) {
            refuse(ctx, e);
        }
    }

    public TaxiiServer start() {
        app.start();
        return this;
    }

    /** The port it listens on (the real one when started on port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
