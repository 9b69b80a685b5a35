package org.hotline.server;

import java.util.List;

/**
 * What the server tells its owner after it served objects to a caller (GET .../objects/ and
 * .../objects/{id}/; a manifest or a version list carries no content): who now may hold them. The
 * channel uses it to know which of its steps the partner has fetched in a pull, as well as those it
 * accepted from a push. Called after the page was written; it must be quick and must not throw.
 */
@FunctionalInterface
public interface Readout {
    Readout NONE = (collection, caller, objectIds) -> { };

    void served(CollectionInfo collection, Caller caller, List<String> objectIds);
}
