package org.hotline.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Query;
import org.hotline.channel.port.CollectionStore.Stored;

/**
 * A TAXII query written the way a request's parameters read ({@code ?match[type]=indicator&limit=3}),
 * for tests. Each call returns a new filter; {@link #next(Page)} continues after a page with the same
 * parameters, as TAXII requires of a {@code next} request.
 */
record TaxiiFilter(Set<String> ids, Set<String> types, Set<String> versions, Set<String> specVersions,
                   Instant addedAfter, long after, int limit) {

    /** No parameters: medallion's defaults, with its page size. */
    static TaxiiFilter none() {
        return new TaxiiFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, -1, 100);
    }

    TaxiiFilter id(String... v) {
        return new TaxiiFilter(set(v), types, versions, specVersions, addedAfter, after, limit);
    }

    TaxiiFilter type(String... v) {
        return new TaxiiFilter(ids, set(v), versions, specVersions, addedAfter, after, limit);
    }

    TaxiiFilter version(String... v) {
        return new TaxiiFilter(ids, types, set(v), specVersions, addedAfter, after, limit);
    }

    TaxiiFilter specVersion(String... v) {
        return new TaxiiFilter(ids, types, versions, set(v), addedAfter, after, limit);
    }

    TaxiiFilter addedAfter(String rfc3339) {
        return new TaxiiFilter(ids, types, versions, specVersions, Instant.parse(rfc3339), after, limit);
    }

    TaxiiFilter limit(int n) {
        return new TaxiiFilter(ids, types, versions, specVersions, addedAfter, after, n);
    }

    TaxiiFilter next(Page page) {
        List<Stored> objects = page.objects();
        return new TaxiiFilter(ids, types, versions, specVersions, addedAfter, objects.get(objects.size() - 1).sequence(), limit);
    }

    Query query() {
        return new Query(ids, types, versions, specVersions, addedAfter, after, limit);
    }

    private static Set<String> set(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
