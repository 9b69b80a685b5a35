package org.hotline.channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message as an explicit JSON tree, written field by field rather than by reflection, so what is
 * signed never changes behind our back when a record gains a component. The same tree is how the
 * store keeps messages and how the STIX extension carries them, and {@link #message} reads it back
 * exactly: {@code message(tree(m)).equals(m)}.
 *
 * <p>Conventions: snake_case names as in STIX; absent values and empty lists are omitted (STIX forbids
 * empty lists); timestamps are RFC 3339 UTC with milliseconds.
 */
public final class CanonicalForm {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {}

    public static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }

    /** The message as a tree, signature included when present. */
    public static ObjectNode tree(Message m) {
        ObjectNode o = F.objectNode();
        o.put("id", m.id());
        o.put("concern_ref", m.concernId());
        o.put("author_ref", m.author());
        o.put("created", timestamp(m.created()));
        o.put("kind", m.kind().id());
        putIf(o, "previous_hash", m.previousHash());
        o.set("body", body(m.body()));
        putIf(o, "signature", m.signature());
        return o;
    }

    /** What the author signs: the tree without the signature. */
    public static ObjectNode unsigned(Message m) {
        ObjectNode o = tree(m);
        o.remove("signature");
        return o;
    }

    private static ObjectNode body(MessageBody body) {
        ObjectNode o = F.objectNode();
        if (body instanceof MessageBody.Filing f) {
            o.put("channel_ref", f.channelId());
            o.put("recipient_ref", f.recipient());
            o.put("concern_kind", f.kind().id());
            o.put("summary", f.summary());
            putIf(o, "description", f.description());
            o.put("severity", f.severity().id());
            o.put("tlp", f.tlp().id());
            if (f.materials() != null) {
                o.set("materials", materials(f.materials()));
            }
        } else if (body instanceof MessageBody.Acknowledgement a) {
            putIf(o, "note", a.note());
        } else if (body instanceof MessageBody.MaterialsRequest r) {
            o.put("request", r.request());
        } else if (body instanceof MessageBody.MaterialsProvided p) {
            putIf(o, "note", p.note());
            o.set("materials", materials(p.materials()));
        } else if (body instanceof MessageBody.StatusUpdate u) {
            o.put("note", u.note());
        } else if (body instanceof MessageBody.Response r) {
            o.put("findings", r.findings());
            strings(o, "actions", r.actions());
            o.put("outcome", r.outcome().id());
        } else if (body instanceof MessageBody.Closure c) {
            putIf(o, "note", c.note());
        } else if (body instanceof MessageBody.Rejection r) {
            o.put("reason", r.reason());
        } else if (body instanceof MessageBody.Withdrawal w) {
            o.put("reason", w.reason());
        }
        return o;
    }

    public static ObjectNode materials(Materials m) {
        ObjectNode o = F.objectNode();
        o.put("id", m.id());
        putIf(o, "description", m.description());
        if (!m.sightings().isEmpty()) {
            ArrayNode a = o.putArray("sightings");
            for (Materials.Sighting s : m.sightings()) {
                ObjectNode n = a.addObject();
                n.put("address", s.address());
                if (s.asn() >= 0) {
                    n.put("asn", s.asn());
                }
                putIf(n, "as_organization", s.asOrganization());
                putIf(n, "country", s.country());
                n.put("count", s.count());
                if (s.firstSeen() != null) {
                    n.put("first_seen", timestamp(s.firstSeen()));
                }
                if (s.lastSeen() != null) {
                    n.put("last_seen", timestamp(s.lastSeen()));
                }
                strings(n, "attack_types", s.attackTypes());
            }
        }
        if (!m.excerpts().isEmpty()) {
            ArrayNode a = o.putArray("excerpts");
            for (Materials.LogExcerpt e : m.excerpts()) {
                ObjectNode n = a.addObject();
                n.put("file", e.file());
                putIf(n, "file_sha256", e.fileSha256());
                n.put("line", e.line());
                n.put("text", e.text());
            }
        }
        if (m.report() != null) {
            ObjectNode r = o.putObject("report");
            r.put("title", m.report().title());
            r.put("sha256", m.report().sha256());
            r.put("generated", timestamp(m.report().generated()));
            putIf(r, "summary", m.report().summary());
        }
        return o;
    }

    /** Reads a tree written by {@link #tree}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Message message(JsonNode o) {
        MessageKind kind = MessageKind.parse(text(o, "kind"));
        JsonNode b = o.path("body");
        MessageBody body = switch (kind) {
            case FILING -> new MessageBody.Filing(text(b, "channel_ref"), text(b, "recipient_ref"),
                    ConcernKind.parse(text(b, "concern_kind")), text(b, "summary"), optional(b, "description"),
                    Severity.parse(text(b, "severity")), Tlp.parse(text(b, "tlp")),
                    b.has("materials") ? materials(b.get("materials")) : null);
            case ACKNOWLEDGEMENT -> new MessageBody.Acknowledgement(optional(b, "note"));
            case MATERIALS_REQUEST -> new MessageBody.MaterialsRequest(text(b, "request"));
            case MATERIALS_PROVIDED -> new MessageBody.MaterialsProvided(optional(b, "note"), materials(b.path("materials")));
            case STATUS_UPDATE -> new MessageBody.StatusUpdate(text(b, "note"));
            case RESPONSE -> new MessageBody.Response(text(b, "findings"), strings(b, "actions"),
                    MessageBody.Outcome.parse(text(b, "outcome")));
            case CLOSURE -> new MessageBody.Closure(optional(b, "note"));
            case REJECTION -> new MessageBody.Rejection(text(b, "reason"));
            case WITHDRAWAL -> new MessageBody.Withdrawal(text(b, "reason"));
        };
        return new Message(text(o, "id"), text(o, "concern_ref"), text(o, "author_ref"),
                instant(text(o, "created")), body, optional(o, "previous_hash"), optional(o, "signature"));
    }

    public static Materials materials(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("materials must be an object");
        }
        List<Materials.Sighting> sightings = new ArrayList<>();
        for (JsonNode n : o.path("sightings")) {
            sightings.add(new Materials.Sighting(text(n, "address"), n.has("asn") ? n.get("asn").asLong() : -1,
                    optional(n, "as_organization"), optional(n, "country"), n.path("count").asLong(),
                    n.has("first_seen") ? instant(text(n, "first_seen")) : null,
                    n.has("last_seen") ? instant(text(n, "last_seen")) : null, strings(n, "attack_types")));
        }
        List<Materials.LogExcerpt> excerpts = new ArrayList<>();
        for (JsonNode n : o.path("excerpts")) {
            excerpts.add(new Materials.LogExcerpt(text(n, "file"), optional(n, "file_sha256"), n.path("line").asLong(),
                    text(n, "text")));
        }
        Materials.ReportReference report = null;
        if (o.has("report")) {
            JsonNode r = o.get("report");
            report = new Materials.ReportReference(text(r, "title"), text(r, "sha256"), instant(text(r, "generated")),
                    optional(r, "summary"));
        }
        return new Materials(text(o, "id"), optional(o, "description"), sightings, excerpts, report);
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    private static List<String> strings(JsonNode o, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : o.path(name)) {
            out.add(n.asString());
        }
        return out;
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.path(name);
        if (!n.isString()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a string");
        }
        return n.stringValue();
    }

    private static String optional(JsonNode o, String name) {
        JsonNode n = o.path(name);
        return n.isString() ? n.stringValue() : null;
    }

    public static Instant instant(String text) {
        try {
            return UtcInstants.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: '" + text + "'", e);
        }
    }
}
