package org.hotline.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Query;
import org.hotline.channel.port.CollectionStore.Stored;
import org.hotline.channel.port.TaxiiStatuses;
import org.hotline.store.TaxiiTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 endpoints (sections 4-5) over a {@link Catalog}, a {@link CollectionStore}, an
 * {@link Intake} and {@link TaxiiStatuses}. Authentication and the Accept check happen before these
 * handlers run (see {@link TaxiiServer}); rights are checked here per collection: not visible → 404,
 * visible but not readable (or writable) → 403, as medallion answers.
 *
 * <p>Pages are written as text around the stored JSON of each object, without parsing it again: the
 * objects go out exactly as they came in, and a page of 1,000 objects costs no tree per object.
 */
final class TaxiiRoutes {
    static final String CALLER = "hotline.caller";

    private final TaxiiSettings settings;
    private final Catalog catalog;
    private final CollectionStore store;
    private final Intake intake;
    private final Readout readout;
    private final TaxiiStatuses statuses;
    private final Clock clock;

    TaxiiRoutes(TaxiiSettings settings, Catalog catalog, CollectionStore store, Intake intake, Readout readout,
                TaxiiStatuses statuses, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.store = store;
        this.intake = intake;
        this.readout = readout;
        this.statuses = statuses;
        this.clock = clock;
    }

    void discovery(Context ctx) {
        ObjectNode o = TaxiiJson.object();
        o.put("title", settings.title());
        o.put("description", settings.description());
        if (settings.contact() != null) {
            o.put("contact", settings.contact());
        }
        o.put("default", settings.apiRootUrl().toString());
        o.putArray("api_roots").add(settings.apiRootUrl().toString());
        send(ctx, 200, o);
    }

    void apiRoot(Context ctx) {
        ObjectNode o = TaxiiJson.object();
        o.put("title", settings.apiRootTitle());
        o.put("description", settings.description());
        // Media types, not "2.1": OpenCTI 6.8 broke Microsoft Sentinel with the bare number (CHANNEL-NOTES c.4 item 3).
        o.putArray("versions").add(TaxiiMedia.TAXII_21);
        o.put("max_content_length", settings.maxContentLength());
        send(ctx, 200, o);
    }

    void status(Context ctx) {
        String id = ctx.pathParam("statusId");
        // Another caller's status is answered like one that does not exist: it names that caller's objects.
        String json = statuses.find(id, caller(ctx).id()).orElseThrow(() -> TaxiiException.notFound("no status resource " + id + " here"));
        sendText(ctx, 200, json);
    }

    void collections(Context ctx) {
        ObjectNode o = TaxiiJson.object();
        List<CollectionInfo> visible = catalog.visibleTo(caller(ctx));
        if (!visible.isEmpty()) {
            ArrayNode a = o.putArray("collections");
            visible.forEach(c -> a.add(c.toJson()));
        }
        send(ctx, 200, o);
    }

    void collection(Context ctx) {
        send(ctx, 200, visible(ctx).toJson());
    }

    void objects(Context ctx) {
        page(ctx, "objects", readable(ctx), null, false);
    }

    void object(Context ctx) {
        page(ctx, "object", readable(ctx), ctx.pathParam("objectId"), false);
    }

    void versions(Context ctx) {
        page(ctx, "versions", readable(ctx), ctx.pathParam("objectId"), true);
    }

    void manifest(Context ctx) {
        page(ctx, "manifest", readable(ctx), null, false);
    }

    void delete(Context ctx) {
        CollectionInfo c = visible(ctx);
        if (!c.canRead() || !c.canWrite()) {
            throw TaxiiException.forbidden("deleting from collection " + c.id() + " needs read and write access");
        }
        String objectId = ctx.pathParam("objectId");
        Query q = PageQuery.parse(ctx.queryParamMap(), "delete", objectId, false, 1, 1);
        if (store.delete(c.id(), objectId, q.versions(), q.specVersions()) == 0) {
            throw TaxiiException.notFound("no " + objectId + " matching the filter in collection " + c.id());
        }
        send(ctx, 200, TaxiiJson.object());
    }

    void addObjects(Context ctx) {
        CollectionInfo c = visible(ctx);
        if (!c.canWrite()) {
            throw TaxiiException.forbidden("collection " + c.id() + " (" + c.title() + ") does not take objects from " + caller(ctx).name());
        }
        if (!TaxiiMedia.isTaxii21(ctx.header("Content-Type"))) {
            throw new TaxiiException(415, "Unsupported Media Type", "Content-Type must be " + TaxiiMedia.TAXII_21
                    + ", was " + ctx.header("Content-Type"));
        }
        Instant requested = clock.instant();
        JsonNode envelope;
        try {
            envelope = TaxiiJson.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JacksonException e) {
            throw TaxiiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (envelope == null || !envelope.isObject() || !envelope.path("objects").isArray()) {
            throw new TaxiiException(422, "Unprocessable Content", "the body must be a TAXII envelope: an object with an 'objects' array");
        }
        List<Intake.Outcome> outcomes = intake.add(c, caller(ctx), envelope);
        String id = UUID.randomUUID().toString();
        ObjectNode status = StatusResource.of(id, requested, outcomes);
        String json = TaxiiJson.write(status);
        statuses.save(id, caller(ctx).id(), requested, json);
        sendText(ctx, 202, json);
    }

    private void page(Context ctx, String resource, CollectionInfo c, String objectId, boolean versions) {
        Map<String, List<String>> params = ctx.queryParamMap();
        String scope = resource + "|" + c.id() + "|" + objectId;
        Query q = PageQuery.parse(params, scope, objectId, versions, settings.defaultPageSize(), settings.maxPageSize());
        Page page = store.find(c.id(), q);
        List<Stored> objects = page.objects();
        if (objectId != null && objects.isEmpty() && q.after() < 0 && q.addedAfter() == null) {
            throw TaxiiException.notFound("no " + objectId + " matching the filter in collection " + c.id());
        }
        if (!objects.isEmpty()) {
            ctx.header("X-TAXII-Date-Added-First", TaxiiTime.format(objects.get(0).dateAdded()));
            ctx.header("X-TAXII-Date-Added-Last", TaxiiTime.format(objects.get(objects.size() - 1).dateAdded()));
        }
        StringBuilder sb = new StringBuilder(256 + objects.size() * 512);
        sb.append("{\"more\":").append(page.more());
        if (page.more()) {
            sb.append(",\"next\":\"").append(PageQuery.cursor(params, scope, objects.get(objects.size() - 1).sequence())).append('"');
        }
        if (!objects.isEmpty()) {
            sb.append(versions ? ",\"versions\":[" : ",\"objects\":[");
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Stored s = objects.get(i);
                switch (resource) {
                    case "versions" -> sb.append(TaxiiJson.write(TaxiiJson.MAPPER.getNodeFactory().stringNode(s.version())));
                    case "manifest" -> sb.append(TaxiiJson.write(manifestEntry(s)));
                    default -> sb.append(s.json());
                }
            }
            sb.append(']');
        }
        sb.append('}');
        sendText(ctx, 200, sb.toString());
        if (!versions && !resource.equals("manifest") && !objects.isEmpty()) {
            readout.served(c, caller(ctx), objects.stream().map(Stored::id).toList());
        }
    }

    private static ObjectNode manifestEntry(Stored s) {
        ObjectNode o = TaxiiJson.object();
        o.put("id", s.id());
        o.put("date_added", TaxiiTime.format(s.dateAdded()));
        o.put("version", s.version());
        o.put("media_type", "application/stix+json;version=" + s.specVersion());
        return o;
    }

    private CollectionInfo visible(Context ctx) {
        String id = ctx.pathParam("collectionId");
        return catalog.find(id, caller(ctx)).orElseThrow(() -> TaxiiException.notFound("no collection " + id + " here"));
    }

    private CollectionInfo readable(Context ctx) {
        CollectionInfo c = visible(ctx);
        if (!c.canRead()) {
            throw TaxiiException.forbidden("collection " + c.id() + " (" + c.title() + ") cannot be read by " + caller(ctx).name());
        }
        return c;
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    static void send(Context ctx, int status, JsonNode body) {
        sendText(ctx, status, TaxiiJson.write(body));
    }

    static void sendText(Context ctx, int status, String body) {
        ctx.status(status).contentType(TaxiiMedia.TAXII_21).result(body);
    }
}
