package org.hotline.stix.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hotline.channel.CanonicalJson;
import org.hotline.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hotline's STIX property extension: its fixed id, its {@code extension-definition} object, the JSON
 * schema of its content, and the identity that issues it.
 *
 * <p>The issuer is the Hotline project itself (a fixed {@code identity}), not either party: the
 * extension is defined by the software both nodes run, so both emit byte-identical definition and
 * issuer objects in every export. The definition embeds its JSON schema as text (canonical JSON of
 * {@code hotline-extension-1.0.0.schema.json}) so a consumer needs no network to read it.
 *
 * <p>Hazard: the id, version and {@code created}/{@code modified} are a published contract. A change
 * to the schema needs a new version and {@code modified}, or stores holding the old definition will
 * see two different objects with one id and one version.
 */
public final class HotlineExtension {
    public static final String ID = "extension-definition--0a128d46-5f91-49fc-b86a-bccb00e2f3ae";
    public static final String VERSION = "1.0.0";
    /** The Hotline project as the issuer of the extension. */
    public static final String ISSUER_ID = "identity--c0555072-ca55-40d1-a872-f524ca46650b";
    /** When version 1.0.0 of the extension was defined; also the version stamp of party identities. */
    public static final String DEFINED = "2026-11-22T00:00:00.000Z";
    private static final String SCHEMA_RESOURCE = "/org/hotline/stix/hotline-extension-1.0.0.schema.json";
    private static final JsonNode SCHEMA = load();

    private HotlineExtension() {}

    /** The JSON schema every Hotline extension entry must satisfy (a copy). */
    public static JsonNode schema() {
        return SCHEMA.deepCopy();
    }

    /** The {@code extension-definition} object. */
    public static ObjectNode definition() {
        ObjectNode o = StixJson.object();
        o.put("type", "extension-definition");
        o.put("spec_version", "2.1");
        o.put("id", ID);
        o.put("created_by_ref", ISSUER_ID);
        o.put("created", DEFINED);
        o.put("modified", DEFINED);
        o.put("name", "Hotline channel");
        o.put("description", "Signed, hash-chained concern messages between national CERTs (incident = filing, "
                + "note = later message) and the parties' keys (identity).");
        o.put("schema", new String(CanonicalJson.bytes(SCHEMA), StandardCharsets.UTF_8));
        o.put("version", VERSION);
        o.putArray("extension_types").add("property-extension");
        return o;
    }

    /** The identity of the Hotline project, {@code created_by_ref} of the definition. */
    public static ObjectNode issuer() {
        ObjectNode o = StixJson.object();
        o.put("type", "identity");
        o.put("spec_version", "2.1");
        o.put("id", ISSUER_ID);
        o.put("created", DEFINED);
        o.put("modified", DEFINED);
        o.put("name", "Hotline");
        o.put("description", "The open-source Hotline project, which defines the Hotline channel STIX extension.");
        o.put("identity_class", "organization");
        return o;
    }

    /** A new, empty entry of this extension: {@code {"extension_type": "property-extension"}}. */
    static ObjectNode entry(ObjectNode stixObject) {
        ObjectNode e = stixObject.putObject("extensions").putObject(ID);
        e.put("extension_type", "property-extension");
        return e;
    }

    private static JsonNode load() {
        try (InputStream in = HotlineExtension.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return StixJson.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SCHEMA_RESOURCE, e);
        }
    }
}
