package org.hotline.channel.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * STIX objects held in TAXII 2.1 collections, with the filtering and paging semantics of TAXII 2.1
 * (sections 3.4-3.6 and 5) as the OASIS reference server medallion implements them. The channel
 * publishes rendered concern histories here for partners to read, and keeps what partners wrote to
 * their inboxes; it holds any STIX object, not only Hotline's.
 *
 * <p>Semantics implementers must keep (each has bitten a real implementation, CHANNEL-NOTES c.4):
 * <ul>
 *   <li>{@code dateAdded} is when this server stored the object, never a STIX timestamp, and is
 *       strictly increasing within a collection, so paging by it can neither skip nor repeat.</li>
 *   <li>An object's version is its {@code modified}, else {@code created}, else its date added. The
 *       same id and version added again is not a new version ({@link Added#ALREADY_PRESENT}).</li>
 *   <li>{@link Query#addedAfter} is exclusive.</li>
 * </ul>
 */
public interface CollectionStore {

    /**
     * A stored object.
     *
     * @param sequence    position in the collection's insertion order (opaque paging cursor)
     * @param version     the object's {@code modified} (else {@code created}) exactly as written, or for an
     *                    object with neither (an SCO) its date added, with microseconds
     * @param specVersion "2.1" (or "2.0" for legacy objects without {@code spec_version})
     * @param json        the object exactly as received or rendered
     */
    record Stored(long sequence, String id, String type, String version, String specVersion, Instant dateAdded,
                  String json) {}

    /** An object to add; its date added is assigned by the store. {@code version} null means "none of its own" (an SCO). */
    record NewObject(String id, String type, String version, String specVersion, String json) {}

    enum Added { ADDED, ALREADY_PRESENT }

    /**
     * A TAXII filter. Empty sets mean "no filter"; {@code versions} holds "last" (the default),
     * "first", "all", and/or explicit version timestamps; {@code specVersions} empty means, per
     * object, only its newest spec version (TAXII's default for {@code match[spec_version]}).
     *
     * @param addedAfter exclusive lower bound on date added, or null
     * @param after      continue after this sequence (a {@code next} cursor), or -1
     * @param limit      maximum objects to return (at least 1)
     */
    record Query(Set<String> ids, Set<String> types, Set<String> versions, Set<String> specVersions,
                 Instant addedAfter, long after, int limit) {}

    /** One page: the objects in date-added order, and whether more match after the last one. */
    record Page(List<Stored> objects, boolean more) {}

    /** Adds objects to a collection in one transaction; returns, per object, whether it was new. */
    List<Added> add(String collection, List<NewObject> objects);

    Page find(String collection, Query query);

    /** Deletes the matching versions of one object (TAXII DELETE; empty {@code versions} means "last",
     * as in medallion); returns how many were removed. */
    int delete(String collection, String id, Set<String> versions, Set<String> specVersions);
}
