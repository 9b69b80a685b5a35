package org.hotline.aggregate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Method and caveats, in plain words and in numbers, so that no share is read without them
 * (ATTRIBUTION-NOTES C1.4, C3, C5.19–22). Every writer prints them.
 *
 * @param statements       what the numbers mean and do not mean, one paragraph each
 * @param units            definition of every unit the report counts in, by name
 * @param confidenceGrades definition of each grade used in {@link CountryRow#confidence()}
 * @param shares           how many attacking sources are Tor, spoofable, non-routable or unlocated
 * @param timeWindow       the span of the events, and the zone used
 * @param timeRules        per input with year-less timestamps, how the year was chosen
 * @param notMeasured      what this report cannot tell, which a reader might assume it does
 */
public record Caveats(List<String> statements, Map<String, String> units, Map<String, String> confidenceGrades,
                      SourceShares shares, TimeWindow timeWindow, List<FileRule> timeRules,
                      List<String> notMeasured) {
    public Caveats {
        statements = List.copyOf(statements);
        // Insertion order is the order readers see; Map.copyOf would scramble it.
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        confidenceGrades = Collections.unmodifiableMap(new LinkedHashMap<>(confidenceGrades));
        timeRules = List.copyOf(timeRules);
        notMeasured = List.copyOf(notMeasured);
    }

    /**
     * Shares of the distinct attacking sources ({@code of} is the same for all four; they may overlap).
     *
     * @param tor            Tor exit relays
     * @param spoofable      sources none of whose attacks completed a handshake (unverified or reflected)
     * @param nonRoutable    private, shared, reserved or bogon addresses
     * @param unknownCountry routable addresses that no database places in a country
     */
    public record SourceShares(Share tor, Share spoofable, Share nonRoutable, Share unknownCountry) {}

    /** {@code sources} out of {@code of}, and the percentage (null when {@code of} is 0). */
    public record Share(long sources, long of, Double percent) {}

    /** Earliest and latest event time (null when no event had one), and the zone used. */
    public record TimeWindow(Instant first, Instant last, String timeZone) {}

    /** How one input's year-less timestamps got their year. */
    public record FileRule(String file, String rule) {}
}
