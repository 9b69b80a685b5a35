package org.hotline.channel.materials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.detect.Attack;
import org.hotline.enrich.Origin;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * Cuts, from one analysis, the materials for the partner whose jurisdiction is one country: every
 * attacking source located there with its counts and time range, evidence lines a counterpart can
 * look up in its own copy of the logs, and a reference to the whole report (its SHA-256).
 *
 * <p>Bounded: at most {@link #EXCERPTS_PER_SOURCE} excerpts per source and {@link #MAX_EXCERPTS} in
 * all, the earliest evidence first, so materials stay readable however big the analysis.
 */
public final class MaterialsCut {
    public static final int EXCERPTS_PER_SOURCE = 3;
    public static final int MAX_EXCERPTS = 100;

    private MaterialsCut() {}

    /**
     * @param country     ISO alpha-2 of the partner's jurisdiction
     * @param attacks     the analysis's attacks
     * @param origins     the origin of every attacking source
     * @param lines       reads the evidence lines (see {@link EvidenceLines})
     * @param report      the report the materials come from
     * @return the materials, or null when no attacking source is located in {@code country}
     */
    public static Materials cut(String country, List<Attack> attacks, Map<IpAddress, Origin> origins,
                                EvidenceLines lines, Materials.ReportReference report) {
        String cc = country.toUpperCase(Locale.ROOT);
        Map<IpAddress, List<Attack>> bySource = new LinkedHashMap<>();
        attacks.stream()
                .filter(a -> cc.equals(origins.getOrDefault(a.source(), Origin.UNKNOWN).country()))
                .sorted(Comparator.comparing((Attack a) -> a.source()).thenComparing(Attack::firstSeen))
                .forEach(a -> bySource.computeIfAbsent(a.source(), s -> new ArrayList<>()).add(a));
        if (bySource.isEmpty()) {
            return null;
        }
        List<Materials.Sighting> sightings = new ArrayList<>();
        List<InputPosition> wanted = new ArrayList<>();
        int verified = 0;
        for (Map.Entry<IpAddress, List<Attack>> e : bySource.entrySet()) {
            List<Attack> list = e.getValue();
            Origin o = origins.getOrDefault(e.getKey(), Origin.UNKNOWN);
            long count = list.stream().mapToLong(Attack::events).sum();
            long first = list.stream().mapToLong(Attack::firstSeen).filter(t -> t != Event.NO_TIME).min().orElse(Event.NO_TIME);
            long last = list.stream().mapToLong(Attack::lastSeen).filter(t -> t != Event.NO_TIME).max().orElse(Event.NO_TIME);
            TreeSet<String> types = new TreeSet<>();
            list.forEach(a -> types.add(a.type().id()));
            if (list.stream().anyMatch(a -> a.verification() == Verification.HANDSHAKE)) {
                verified++;
            }
            sightings.add(new Materials.Sighting(e.getKey().toString(), o.asn(), o.asOrganization(), o.country(), count,
                    first == Event.NO_TIME ? null : Instant.ofEpochMilli(first),
                    last == Event.NO_TIME ? null : Instant.ofEpochMilli(last), List.copyOf(types)));
            list.stream().flatMap(a -> a.evidence().stream()).sorted(Comparator.comparing(InputPosition::file)
                    .thenComparingLong(InputPosition::line)).distinct().limit(EXCERPTS_PER_SOURCE).forEach(wanted::add);
        }
        // Busiest sources first: what a partner should look at first.
        sightings.sort(Comparator.comparingLong(Materials.Sighting::count).reversed());
        List<Materials.LogExcerpt> excerpts = lines.read(wanted.size() > MAX_EXCERPTS ? wanted.subList(0, MAX_EXCERPTS) : wanted);
        String description = String.format(Locale.ROOT,
                "%d attacking source address%s located in %s (%d completed a TCP handshake, so cannot have been forged), "
                        + "with %d evidence line%s; located means registered or routed there, not who the attacker is",
                sightings.size(), sightings.size() == 1 ? "" : "es", cc, verified, excerpts.size(), excerpts.size() == 1 ? "" : "s");
        return new Materials(Ids.random("grouping"), description, sightings, excerpts, report);
    }
}
