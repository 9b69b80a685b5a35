package org.hotline.geo;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;

/**
 * Warns when an unusual share of public source addresses resolves to no country or no AS — the sign
 * of a database whose layout or vintage does not fit the data, which peers report silently as
 * "Unknown" (GoAccess showed 100 % Unknown on ip-location-db's layout, ATTRIBUTION-NOTES §d).
 *
 * <p>Rule: among distinct routable addresses (not {@link OriginFlag#NON_ROUTABLE}), if more than
 * {@link #DEFAULT_THRESHOLD} (10 %) have no country — or no AS — and at least {@link #MIN_UNRESOLVED}
 * of them are unresolved, the result carries a warning naming the database and its detected layout.
 * Real databases leave a few percent of live sources unresolved (the bundled one: see the tests), so
 * 10 % is well above normal; three is the floor so one odd address in a tiny log does not shout.
 */
public final class CoverageCheck {

    public static final double DEFAULT_THRESHOLD = 0.10;
    public static final int MIN_UNRESOLVED = 3;

    /** The counts and, when over the threshold, the warning text for the report and the CLI. */
    public record Coverage(long publicAddresses, long withoutCountry, long withoutAsn, String warning) {

        public double shareWithoutCountry() {
            return publicAddresses == 0 ? 0 : (double) withoutCountry / publicAddresses;
        }

        public double shareWithoutAsn() {
            return publicAddresses == 0 ? 0 : (double) withoutAsn / publicAddresses;
        }
    }

    private CoverageCheck() {}

    /** @param origins the origin of each distinct source address, once per address */
    public static Coverage check(Collection<Origin> origins, List<DatabaseInfo> databases) {
        return check(origins, databases, DEFAULT_THRESHOLD);
    }

    public static Coverage check(Collection<Origin> origins, List<DatabaseInfo> databases, double threshold) {
        long routable = 0;
        long noCountry = 0;
        long noAsn = 0;
        for (Origin o : origins) {
            if (o.has(OriginFlag.NON_ROUTABLE)) {
                continue;
            }
            routable++;
            if (o.country() == null) {
                noCountry++;
            }
            if (o.asn() < 0) {
                noAsn++;
            }
        }
        StringBuilder warning = new StringBuilder();
        append(warning, "country", noCountry, routable, threshold, databases);
        append(warning, "asn", noAsn, routable, threshold, databases);
        return new Coverage(routable, noCountry, noAsn, warning.length() == 0 ? null : warning.toString());
    }

    private static void append(StringBuilder out, String role, long unresolved, long routable, double threshold,
                               List<DatabaseInfo> databases) {
        List<DatabaseInfo> used = databases.stream().filter(d -> d.role().equals(role)).toList();
        if (used.isEmpty() || unresolved < MIN_UNRESOLVED || (double) unresolved / routable <= threshold) {
            return;
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "WARNING: %d of %d public source addresses (%.1f %%) have no %s in ",
                unresolved, routable, 100.0 * unresolved / routable, role.equals("asn") ? "AS" : "country"));
        for (int i = 0; i < used.size(); i++) {
            DatabaseInfo d = used.get(i);
            out.append(i == 0 ? "" : ", ").append(d.name()).append(" (layout ").append(d.layout())
                    .append(d.buildDate() == null ? "" : ", built " + d.buildDate()).append(')');
        }
        out.append(String.format(Locale.ROOT, "; more than %.0f %% is unusual: check that the database covers these "
                + "addresses and their dates, or give another with --%s.", threshold * 100, role.equals("asn") ? "asn-db" : "geo-db"));
    }
}
