package org.hotline.server;

import java.time.Instant;
import java.util.List;
import org.hotline.store.TaxiiTime;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 status resource (section 4.3.1) of one Add Objects request. Hotline processes an
 * envelope before answering, so its statuses are always {@code complete}; a client that polls
 * {@code status/{id}/} later gets the same resource.
 */
public final class StatusResource {
    private StatusResource() {}

    public static ObjectNode of(String id, Instant requested, List<Intake.Outcome> outcomes) {
        ObjectNode o = TaxiiJson.object();
        o.put("id", id);
        o.put("status", "complete");
        o.put("request_timestamp", TaxiiTime.format(requested));
        o.put("total_count", outcomes.size());
        List<Intake.Outcome> successes = outcomes.stream().filter(Intake.Outcome::success).toList();
        List<Intake.Outcome> failures = outcomes.stream().filter(x -> !x.success()).toList();
        o.put("success_count", successes.size());
        details(o, "successes", successes);
        o.put("failure_count", failures.size());
        details(o, "failures", failures);
        o.put("pending_count", 0);
        return o;
    }

    /** TAXII's status-details; lists are left out when empty, as STIX and medallion do. */
    private static void details(ObjectNode o, String name, List<Intake.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray(name);
        for (Intake.Outcome x : outcomes) {
            ObjectNode d = a.addObject();
            d.put("id", x.id());
            if (x.version() != null) {
                d.put("version", x.version());
            }
            if (x.message() != null) {
                d.put("message", x.message());
            }
        }
    }
}
