package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confidence grade of an origin row (ATTRIBUTION-NOTES C5.20), defined in the report itself.
 *
 * <p>The checklist's <i>high</i> needs two geolocation databases that agree and a residential/ISP
 * network; Hotline's enrichment yields one country per address and does not classify networks, so
 * no row can honestly be graded high yet. The grade says so rather than inflating: rows start at
 * medium and drop to low for what this report can see.
 */
final class ConfidenceGrade {
    static final int MIN_SOURCES = 3;
    static final double HEAVY_HITTER_PERCENT = 50.0;

    private static final String ONE_OPINION = "country is one database's opinion: agreement of two databases not checked";
    private static final String NETWORK_TYPE = "network type (ISP, hosting, VPN) not classified";

    private ConfidenceGrade() {}

    record Grade(String grade, List<String> reasons) {}

    static Grade of(String country, long sources, Double concentration) {
        List<String> reasons = new ArrayList<>();
        if (country == null) {
            reasons.add("no database places these addresses in a country");
        }
        if (sources < MIN_SOURCES) {
            reasons.add("rests on " + sources + (sources == 1 ? " address" : " addresses")
                    + " (fewer than " + MIN_SOURCES + ")");
        }
        if (concentration != null && concentration >= HEAVY_HITTER_PERCENT) {
            reasons.add("one address makes " + concentration + " % of the events");
        }
        String grade = reasons.isEmpty() ? "medium" : "low";
        reasons.add(ONE_OPINION);
        reasons.add(NETWORK_TYPE);
        return new Grade(grade, reasons);
    }

    static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("high", "handshake-verified, routable, non-Tor sources in residential or ISP networks, placed in the"
                + " country by two independent geolocation databases that agree, at least " + MIN_SOURCES
                + " addresses and none making half the events. Hotline does not yet compare two databases or"
                + " classify networks, so no row is graded high.");
        d.put("medium", "handshake-verified, routable, non-Tor sources; at least " + MIN_SOURCES + " addresses and"
                + " none making half of the row's events; the country is one database's opinion and hosting or"
                + " VPN networks are not told apart.");
        d.put("low", "the country is unknown, or the row rests on fewer than " + MIN_SOURCES + " addresses, or one"
                + " address makes at least half of its events. Every side table (Tor, non-routable, unverified,"
                + " reflected) is low by definition: it does not show where attacks came from.");
        return d;
    }
}
