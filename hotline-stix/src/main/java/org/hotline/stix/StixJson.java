package org.hotline.stix;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading and writing STIX/TAXII JSON with one strict mapper.
 *
 * <p>Hazard: input is read with duplicate-key detection on. Jackson otherwise keeps the last of two
 * equal keys while another parser may keep the first, so {@code {"name":"a","name":"b"}} could be
 * checked as one object and stored or shown as another; such input is refused instead.
 */
public final class StixJson {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StixJson() {}

    /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's location on bad input. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
    }

    public static JsonNode read(byte[] json) {
        return read(new String(json, StandardCharsets.UTF_8));
    }

    /** Compact JSON in the members' insertion order (the order the renderers chose). */
    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Indented JSON for files people read ({@code hotline concern export}). */
    public static String writePretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }
}
