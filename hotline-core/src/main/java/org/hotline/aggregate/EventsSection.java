package org.hotline.aggregate;

import java.time.Instant;
import java.util.List;

/**
 * All parsed events, attacks or not: how the whole traffic the logs show splits by country. This is
 * context for the attack shares, not an attribution: it counts every source, verified or not.
 *
 * @param total                 parsed events, with or without a source address
 * @param withSource            events that name a source address
 * @param withoutSource         events without one (counted here, in no country)
 * @param sources               distinct source addresses
 * @param bytes                 bytes of the events whose size was logged; null if none was
 * @param eventsWithBytes       how many events had a logged size (so "bytes where known" is measurable)
 * @param firstSeen             earliest event time, null when no event had a time
 * @param lastSeen              latest event time, null when no event had a time
 * @param sourcesByVerification distinct sources by the strongest verification of any of their events
 * @param byCountry             per country of the source ({@code null} = no database knows it), over
 *                              the events with a source; percentages of {@code withSource},
 *                              {@code sources} and {@code bytes}
 */
public record EventsSection(long total, long withSource, long withoutSource, long sources, Long bytes,
                            long eventsWithBytes, Instant firstSeen, Instant lastSeen,
                            VerificationCounts sourcesByVerification, List<CountryCount> byCountry) {
    public EventsSection {
        byCountry = List.copyOf(byCountry);
    }

    /** Distinct sources per {@link org.hotline.event.Verification}. */
    public record VerificationCounts(long handshake, long unverified, long reflected) {}
}
