package org.hotline.taxii.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The status resource of an Add Objects request ({@code 202} response and {@code GET {api-root}/status/{id}/}).
 *
 * @param status {@code complete} or {@code pending}
 */
public record TaxiiStatus(String id, String status, String requestTimestamp, long totalCount, long successCount,
                          List<Detail> successes, long failureCount, List<Detail> failures, long pendingCount,
                          List<Detail> pendings) {
    public TaxiiStatus {
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
    }

    /** One object's outcome; {@code version} and {@code message} may be null. */
    public record Detail(String id, String version, String message) {}

    public boolean isComplete() {
        return "complete".equals(status);
    }

    /** Complete, nothing failed or pending, and every one of {@code expected} objects succeeded. */
    public boolean allSucceeded(long expected) {
        return isComplete() && failureCount == 0 && pendingCount == 0 && successCount == totalCount && totalCount == expected;
    }

    static TaxiiStatus read(Fields f) {
        return new TaxiiStatus(f.text("id"), f.text("status"), f.optionalText("request_timestamp"), f.number("total_count"),
                f.number("success_count"), details(f.node().path("successes")), f.number("failure_count"),
                details(f.node().path("failures")), f.number("pending_count"), details(f.node().path("pendings")));
    }

    /** TAXII 2.1 lists status details as objects; 2.0-era servers listed bare ids, which are accepted too. */
    private static List<Detail> details(JsonNode list) {
        List<Detail> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.isString()) {
                out.add(new Detail(n.stringValue(), null, null));
            } else {
                out.add(new Detail(n.path("id").asString(null), n.path("version").asString(null), n.path("message").asString(null)));
            }
        }
        return out;
    }
}
