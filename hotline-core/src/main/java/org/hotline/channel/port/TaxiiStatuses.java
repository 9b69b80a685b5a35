package org.hotline.channel.port;

import java.time.Instant;
import java.util.Optional;

/**
 * TAXII 2.1 status resources (section 4.3), kept durably: a client polls {@code status/{id}/} after
 * an Add Objects request, possibly after the server restarted, and interoperability requires keeping
 * them at least 24 hours (medallion refuses a shorter retention under {@code interop_requirements}).
 * A status belongs to the caller whose request made it: it names the objects that caller sent, which
 * are nobody else's business, so it is found only for that caller.
 */
public interface TaxiiStatuses {

    /** Stores (or replaces) a status resource, as its JSON, for {@code owner} (the requester's id). */
    void save(String id, String owner, Instant requested, String json);

    /** The status resource {@code id} if {@code owner} made it; empty for anyone else. */
    Optional<String> find(String id, String owner);

    /** Removes the statuses requested before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
