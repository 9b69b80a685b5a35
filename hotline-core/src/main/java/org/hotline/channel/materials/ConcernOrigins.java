package org.hotline.channel.materials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.channel.Concern;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.event.IpAddress;

/**
 * Where the attacking sources named in concerns' materials are located, by country: the console's
 * origin map and {@code hotline concern origins}. A node sees at a glance whose territory its open
 * concerns are about, its own included (concerns filed to it name sources located at home).
 *
 * <p>Counted so that nothing is counted twice: a source address once, however many sets and
 * concerns name it, in the country the newest set that names it gives (a later set may come from a
 * newer database); its events as the largest count any one set gives it, since a later set usually
 * restates an earlier one's sightings. Events are therefore a lower bound where two concerns name
 * one address for different attacks.
 *
 * @param concerns      concerns looked at
 * @param withMaterials of those, concerns that carry at least one sighting
 * @param sources       distinct source addresses named
 * @param events        attack events seen from them (at least)
 * @param countries     one row per country, most sources first; the row of unknown location (its
 *                      country null) last
 */
public record ConcernOrigins(int concerns, int withMaterials, int sources, long events, List<Row> countries) {

    /**
     * @param country    ISO alpha-2 code, or null for addresses whose materials named no country
     * @param share      percent of all {@code sources} (of the record), one decimal
     * @param concernIds the concerns that name a source located here, sorted
     */
    public record Row(String country, int sources, double share, long events, List<String> concernIds) {
        public Row {
            concernIds = List.copyOf(concernIds);
        }

        /** How many concerns name a source located here. */
        public int concerns() {
            return concernIds.size();
        }
    }

    public ConcernOrigins {
        countries = List.copyOf(countries);
    }

    public static ConcernOrigins of(Collection<Concern> concerns) {
        Map<String, Named> byAddress = new HashMap<>();
        int withMaterials = 0;
        for (Concern c : concerns) {
            boolean any = false;
            for (Message m : c.history()) {
                Materials materials = Materials.of(m.body());
                if (materials == null) {
                    continue;
                }
                for (Materials.Sighting s : materials.sightings()) {
                    any = true;
                    // One address, however a set spells it (2001:DB8::1 and 2001:db8:0::1 are one).
                    IpAddress parsed = IpAddress.parseOrNull(s.address());
                    Named n = byAddress.computeIfAbsent(parsed != null ? parsed.toString() : String.valueOf(s.address()).strip(),
                            a -> new Named());
                    // Histories run oldest first; a set is as new as its message.
                    if (n.newest == null || !m.created().isBefore(n.newest)) {
                        n.newest = m.created();
                        n.country = country(s.country());
                    }
                    n.events = Math.max(n.events, s.count());
                    n.concernIds.add(c.id());
                }
            }
            withMaterials += any ? 1 : 0;
        }
        Map<String, Tally> byCountry = new HashMap<>();
        long events = 0;
        for (Named n : byAddress.values()) {
            Tally t = byCountry.computeIfAbsent(n.country == null ? "" : n.country, k -> new Tally());
            t.sources++;
            t.events = saturated(t.events, n.events);
            t.concernIds.addAll(n.concernIds);
            events = saturated(events, n.events);
        }
        int sources = byAddress.size();
        List<Row> rows = new ArrayList<>();
        byCountry.forEach((country, t) -> rows.add(new Row(country.isEmpty() ? null : country, t.sources,
                Math.round(1000.0 * t.sources / sources) / 10.0, t.events, t.concernIds.stream().sorted().toList())));
        rows.sort(Comparator.comparing((Row r) -> r.country() == null)
                .thenComparing(Comparator.comparingInt(Row::sources).reversed())
                .thenComparing(Comparator.comparingLong(Row::events).reversed())
                .thenComparing(r -> r.country() == null ? "" : r.country()));
        return new ConcernOrigins(concerns.size(), withMaterials, sources, events, rows);
    }

    /**
     * A stored sighting's country as a code: sets taken before materials were checked on arrival may
     * hold 'us', or anything; the first is US, the rest of unknown location.
     */
    private static String country(String text) {
        return text != null && text.matches("[A-Za-z]{2}") ? text.toUpperCase(java.util.Locale.ROOT) : null;
    }

    /** A sum of counts a partner wrote, which may be as large as a long holds: at most that, never wrapped. */
    private static long saturated(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static final class Named {
        Instant newest;
        String country;
        long events;
        final Set<String> concernIds = new HashSet<>();
    }

    private static final class Tally {
        int sources;
        long events;
        final Set<String> concernIds = new HashSet<>();
    }
}
