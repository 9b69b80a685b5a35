package org.hotline.server;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the server does with the objects of an Add Objects request (POST .../objects/) once the
 * caller was found allowed to write to the collection. Implementations decide what "valid" means for
 * their collection and either take the envelope or refuse it whole by throwing a
 * {@link TaxiiException} (4xx) with a reason; what they took must be durable when they return.
 */
@FunctionalInterface
public interface Intake {

    /** What became of one object. {@code version} may be null (an SCO); {@code message} says why it failed or that it was already there. */
    record Outcome(String id, String version, boolean success, String message) {}

    /**
     * @param envelope the request body: a JSON object with an {@code objects} array (checked by the caller)
     * @return one outcome per object of the envelope, in order
     */
    List<Outcome> add(CollectionInfo collection, Caller caller, JsonNode envelope);
}
