package org.hotline.server;

import java.util.List;
import java.util.Optional;

/**
 * The collections of the API root, per caller. A collection the caller may not know about is
 * absent (the server answers 404, not 403, so its existence is not revealed); one it knows but may
 * not read or write is present with those rights off (403).
 */
public interface Catalog {

    List<CollectionInfo> visibleTo(Caller caller);

    default Optional<CollectionInfo> find(String collectionId, Caller caller) {
        return visibleTo(caller).stream().filter(c -> c.id().equals(collectionId)).findFirst();
    }
}
