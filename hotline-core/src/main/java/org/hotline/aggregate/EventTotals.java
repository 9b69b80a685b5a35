package org.hotline.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.enrich.Origin;
import org.hotline.event.Event;
import org.hotline.event.Verification;

/** Builds the report's {@code events} section from the tally of all parsed events. */
final class EventTotals {
    private EventTotals() {}

    /** @param origins every source's origin, in the order {@link SourceTally#forEachTotals} visits them */
    static EventsSection build(SourceTally tally, List<Origin> origins) {
        if (origins.size() != tally.distinctSources()) {
            throw new IllegalArgumentException(origins.size() + " origins for " + tally.distinctSources() + " sources");
        }
        int[] next = {0};
        Map<String, long[]> byCountry = new HashMap<>();   // events, sources, bytes (-1 unknown)
        long[] totals = {0, -1, Event.NO_TIME, Event.NO_TIME}; // events with source, bytes, first, last
        long[] verifications = new long[Verification.values().length];
        tally.forEachTotals((events, bytes, first, last, verification) -> {
            long[] row = byCountry.computeIfAbsent(origins.get(next[0]++).country(), c -> new long[] {0, 0, -1});
            row[0] += events;
            row[1]++;
            row[2] = addBytes(row[2], bytes);
            totals[0] += events;
            totals[1] = addBytes(totals[1], bytes);
            if (first != Event.NO_TIME && (totals[2] == Event.NO_TIME || first < totals[2])) {
                totals[2] = first;
            }
            if (last != Event.NO_TIME && (totals[3] == Event.NO_TIME || last > totals[3])) {
                totals[3] = last;
            }
            verifications[verification.ordinal()]++;
        });
        long sources = tally.distinctSources();
        Long bytes = totals[1] < 0 ? null : totals[1];
        List<CountryCount> rows = new ArrayList<>();
        byCountry.forEach((country, r) -> {
            Long b = r[2] < 0 ? null : r[2];
            rows.add(new CountryCount(country, r[0], r[1], b,
                    Percent.of(r[0], totals[0]), Percent.of(r[1], sources), Percent.ofBytes(b, bytes)));
        });
        rows.sort(RowOrder.of(CountryCount::sources, CountryCount::events, CountryCount::country));
        return new EventsSection(totals[0] + tally.eventsWithoutSource(), totals[0], tally.eventsWithoutSource(),
                sources, bytes, tally.eventsWithBytes(), instant(totals[2]), instant(totals[3]),
                new EventsSection.VerificationCounts(verifications[Verification.HANDSHAKE.ordinal()],
                        verifications[Verification.UNVERIFIED.ordinal()], verifications[Verification.REFLECTED.ordinal()]),
                rows);
    }

    static long addBytes(long sum, long more) {
        if (more < 0) {
            return sum;
        }
        return sum < 0 ? more : sum + more;
    }

    static Instant instant(long millis) {
        return millis == Event.NO_TIME ? null : Instant.ofEpochMilli(millis);
    }
}
