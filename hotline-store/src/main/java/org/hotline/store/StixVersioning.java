package org.hotline.store;

import org.hotline.channel.port.CollectionStore.NewObject;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What TAXII needs to know about a STIX object before storing it, decided as the OASIS reference
 * server medallion decides it ({@code medallion/common.py determine_version, determine_spec_version}):
 * <ul>
 *   <li>version: {@code modified}, else {@code created}, else none (an SCO: the store then uses the
 *       date it was added);</li>
 *   <li>spec version: "2.1" for an object with neither {@code created} nor {@code modified} (only
 *       2.1 SCOs look like that), else its {@code spec_version}, else "2.0" (2.0 objects have none).</li>
 * </ul>
 */
public final class StixVersioning {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StixVersioning() {}

    /** Reads {@code json} (one STIX object) into what {@link org.hotline.channel.port.CollectionStore#add} takes. */
    public static NewObject newObject(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        return newObject(o, json);
    }

    /** As {@link #newObject(String)} for an object already parsed; {@code json} is kept as given. */
    public static NewObject newObject(JsonNode o, String json) {
        if (!o.isObject() || !o.path("id").isString()) {
            throw new IllegalArgumentException("a STIX object needs an 'id' string");
        }
        String id = o.get("id").stringValue();
        int separator = id.indexOf("--");
        if (separator <= 0) {
            throw new IllegalArgumentException("'id' is not <type>--<uuid>: '" + id + "'");
        }
        String type = o.path("type").isString() ? o.get("type").stringValue() : id.substring(0, separator);
        String version = text(o, "modified");
        if (version == null) {
            version = text(o, "created");
        }
        String specVersion;
        if (!o.has("created") && !o.has("modified")) {
            specVersion = "2.1";
        } else {
            String declared = text(o, "spec_version");
            specVersion = declared == null ? "2.0" : declared;
        }
        if (version != null) {
            TaxiiTime.parseMicros(version);
        }
        return new NewObject(id, type, version, specVersion, json);
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.path(name);
        return n.isString() ? n.stringValue() : null;
    }
}
