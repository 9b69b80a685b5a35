package org.hotline.taxii;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 error message (section 3.6.1), the body of every 4xx/5xx response, sent with the TAXII
 * media type like any other response. Shared by the client (which reads it into its exceptions) and
 * the server (which writes it).
 *
 * @param title           short human-readable summary (required)
 * @param description     what went wrong, in detail, or null
 * @param errorId         an identifier for this occurrence, or null
 * @param errorCode       the server's own error code, or null
 * @param httpStatus      the HTTP status as a string ({@code "404"}), as the specification types it and
 *                        medallion writes it; null when absent
 * @param externalDetails a URL with more information, or null
 * @param details         further string details, possibly empty
 */
public record TaxiiError(String title, String description, String errorId, String errorCode, String httpStatus,
                         String externalDetails, Map<String, String> details) {

    public TaxiiError {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a TAXII error needs a title");
        }
        details = Map.copyOf(details);
    }

    /** The usual error: a title, a description and the status it accompanies. */
    public static TaxiiError of(int httpStatus, String title, String description) {
        return new TaxiiError(title, description, null, null, Integer.toString(httpStatus), null, Map.of());
    }

    public ObjectNode toJson() {
        ObjectNode o = StixJson.object();
        o.put("title", title);
        putIf(o, "description", description);
        putIf(o, "error_id", errorId);
        putIf(o, "error_code", errorCode);
        putIf(o, "http_status", httpStatus);
        putIf(o, "external_details", externalDetails);
        if (!details.isEmpty()) {
            ObjectNode d = o.putObject("details");
            details.forEach(d::put);
        }
        return o;
    }

    /**
     * Reads an error body leniently (it arrives with a failure we are already reporting): a numeric
     * {@code http_status} is accepted, non-string details are kept as JSON text; null if there is no title.
     */
    public static TaxiiError parse(JsonNode o) {
        if (!o.path("title").isString()) {
            return null;
        }
        Map<String, String> details = new LinkedHashMap<>();
        o.path("details").properties().forEach(e -> details.put(e.getKey(),
                e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
        JsonNode status = o.path("http_status");
        return new TaxiiError(o.get("title").stringValue(), text(o, "description"), text(o, "error_id"), text(o, "error_code"),
                status.isNumber() ? status.asString() : text(o, "http_status"), text(o, "external_details"), details);
    }

    /** "title: description" for messages. */
    public String summary() {
        return description == null ? title : title + ": " + description;
    }

    private static String text(JsonNode o, String name) {
        return o.path(name).isString() ? o.get(name).stringValue() : null;
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
