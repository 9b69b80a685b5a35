package org.hotline.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
        CountryRows byCountry = new CountryRows();
        long[] totals = {0, -1, Event.NO_TIME, Event.NO_TIME}; // events with source, bytes, first, last
        long[] verifications = new long[Verification.values().length];
        tally.forEachTotals((events, bytes, first, last, verification) -> {
            long[] row = byCountry.row(origins.get(next[0]++).country());
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

    /**
     * Each country's events, sources and bytes (-1 unknown), found by index rather than by hashing:
     * an {@link Origin}'s country is two capital letters or null. This runs once per distinct source
     * (377,000 on the 10M-line bench log), in code that runs only once per report.
     */
    private static final class CountryRows {
        private static final int UNKNOWN = 26 * 26;
        private final long[][] rows = new long[UNKNOWN + 1][];

        long[] row(String country) {
            int i = country == null ? UNKNOWN : (country.charAt(0) - 'A') * 26 + country.charAt(1) - 'A';
            long[] row = rows[i];
            if (row == null) {
                row = new long[] {0, 0, -1};
                rows[i] = row;
            }
            return row;
        }

        void forEach(BiConsumer<String, long[]> visitor) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] != null) {
                    visitor.accept(i == UNKNOWN ? null : new String(new char[] {(char) ('A' + i / 26), (char) ('A' + i % 26)}), rows[i]);
                }
            }
        }
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
