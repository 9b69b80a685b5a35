package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.enrich.Origin;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;

class EventTotalsTest {

    /**
     * A made-up country per address that puts sources in "AB" and "BA" (the same letters, in the
     * other order), in the first and last codes "AA" and "ZZ", and in no country at all.
     */
    private static String countryOf(IpAddress ip) {
        return switch (Math.floorMod(ip.hashCode(), 5)) {
            case 0 -> "AB";
            case 1 -> "BA";
            case 2 -> "AA";
            case 3 -> "ZZ";
            default -> null;
        };
    }

    @Test
    void countsEachCountrysEventsAndSourcesAsTheEventsThemselvesSay() {
        SourceTally tally = new SourceTally();
        List<Event> events = Fixtures.apache();
        events.forEach(tally::accept);
        List<Origin> origins = new ArrayList<>();
        for (IpAddress ip : tally.addresses()) {   // the order forEachTotals visits them in
            origins.add(Origin.UNKNOWN.withCountry(countryOf(ip)));
        }

        EventsSection section = EventTotals.build(tally, origins);

        // Expected straight from the parsed events, without the tally.
        Map<String, long[]> expected = new HashMap<>();   // events, bytes
        Map<String, Set<IpAddress>> sources = new HashMap<>();
        for (Event e : events) {
            if (e.source() != null) {
                String c = countryOf(e.source());
                long[] row = expected.computeIfAbsent(c, k -> new long[2]);
                row[0]++;
                row[1] += Math.max(0, e.bytes());
                sources.computeIfAbsent(c, k -> new HashSet<>()).add(e.source());
            }
        }
        assertThat(section.byCountry()).extracting(CountryCount::country)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (CountryCount row : section.byCountry()) {
            assertThat(row.events()).as(row.country()).isEqualTo(expected.get(row.country())[0]);
            assertThat(row.sources()).as(row.country()).isEqualTo(sources.get(row.country()).size());
            assertThat(row.bytes()).as(row.country()).isEqualTo(expected.get(row.country())[1]);
        }
        assertThat(section.byCountry()).extracting(CountryCount::sources).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
