package org.hotline.channel.port;

import java.time.Instant;
import java.util.Optional;

/**
 * TAXII 2.1 status resources (section 4.3), kept durably: a client polls {@code status/{id}/} after
 * an Add Objects request, possibly after the server restarted, and interoperability requires keeping
 * them at least 24 hours (medallion refuses a shorter retention under {@code interop_requirements}).
 */
public interface TaxiiStatuses {

    /** Stores (or replaces) a status resource, as its JSON. */
    void save(String id, Instant requested, String json);

    Optional<String> find(String id);

    /** Removes the statuses requested before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
