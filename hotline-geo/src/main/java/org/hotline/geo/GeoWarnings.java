package org.hotline.geo;

import java.util.ArrayList;
import java.util.List;
import org.hotline.aggregate.SourceOrigins;

/**
 * What the databases say about themselves and about how they fit the data, for the report's
 * warnings, in the order every report gives them: each database that was not read whole (a range
 * CSV's malformed rows), then the coverage check ({@link CoverageCheck}). One place, for {@code
 * hotline analyze} and the Flink job alike, so the two reports cannot drift apart.
 */
public final class GeoWarnings {
    private GeoWarnings() {}

    public static List<String> of(EnricherChain enrichment, SourceOrigins origins) {
        List<String> warnings = new ArrayList<>();
        // A database not read whole changes what the shares rest on.
        enrichment.databases().stream().filter(d -> d.warning() != null)
                .forEach(d -> warnings.add(d.role() + " database " + d.warning()));
        String coverage = CoverageCheck.check(origins.inLookupOrder(), enrichment.databases()).warning();
        if (coverage != null) {
            warnings.add(coverage);
        }
        return warnings;
    }
}
