package org.hotline.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's one JSON mapper. Timestamps as numbers are off (Jackson writes {@code Instant} as
 * {@code 1633435200.000000000} by default, which no TAXII client reads); the server writes its TAXII
 * timestamps as strings itself anyway.
 */
public final class TaxiiJson {
    public static final JsonMapper MAPPER = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private TaxiiJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The error resource of TAXII 2.1 section 3.6.1; {@code http_status} is a string, as in medallion. */
    public static ObjectNode error(TaxiiException e) {
        ObjectNode o = object();
        o.put("title", e.title());
        o.put("description", e.getMessage());
        o.put("http_status", Integer.toString(e.status()));
        if (e.errorCode() != null) {
            o.put("error_code", e.errorCode());
        }
        return o;
    }
}
