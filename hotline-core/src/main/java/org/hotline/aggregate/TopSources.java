package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.hotline.detect.Attack;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/** The attacking addresses with the most attack events, whatever table they count in. */
final class TopSources {
    static final int LIMIT = 25;

    private TopSources() {}

    /** One source's attacks summed up. */
    private static final class PerSource {
        final AttackGroup group = new AttackGroup();
        final TreeSet<String> types = new TreeSet<>();
        final TreeSet<String> targets = new TreeSet<>();
        final List<InputPosition> evidence = new ArrayList<>();
        Verification verification = Verification.REFLECTED;
    }

    /**
     * @param inputOrder the inputs' names in the order given, so evidence lists the earliest lines first
     */
    static List<SourceRow> of(List<Attack> attacks, Map<IpAddress, Origin> origins, List<String> inputOrder) {
        Map<IpAddress, PerSource> bySource = new HashMap<>();
        for (Attack a : attacks) {
            PerSource p = bySource.computeIfAbsent(a.source(), s -> new PerSource());
            p.group.add(a);
            p.types.add(a.type().id());
            p.targets.add(a.target());
            p.verification = p.verification.strongest(a.verification());
        }
        List<Map.Entry<IpAddress, PerSource>> ranked = new ArrayList<>(bySource.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<IpAddress, PerSource> e) -> e.getValue().group.events).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<IpAddress, PerSource> e) -> e.getValue().group.attacks).reversed())
                .thenComparing(Map.Entry::getKey));
        List<Map.Entry<IpAddress, PerSource>> top = ranked.subList(0, Math.min(LIMIT, ranked.size()));
        // Evidence only for the few sources shown: attacks of a busy source may carry many positions.
        Map<IpAddress, PerSource> shown = new HashMap<>();
        top.forEach(e -> shown.put(e.getKey(), e.getValue()));
        for (Attack a : attacks) {
            PerSource p = shown.get(a.source());
            if (p != null) {
                p.evidence.addAll(a.evidence());
            }
        }
        Map<String, Integer> fileIndex = new LinkedHashMap<>();
        inputOrder.forEach(name -> fileIndex.putIfAbsent(name, fileIndex.size()));
        Comparator<InputPosition> inputOrderFirst = Comparator
                .comparingInt((InputPosition p) -> fileIndex.getOrDefault(p.file(), Integer.MAX_VALUE))
                .thenComparing(InputPosition::file).thenComparingLong(InputPosition::line);
        List<SourceRow> rows = new ArrayList<>();
        for (Map.Entry<IpAddress, PerSource> e : top) {
            IpAddress ip = e.getKey();
            PerSource p = e.getValue();
            Origin o = origins.get(ip);
            List<String> flags = new ArrayList<>();
            for (OriginFlag f : OriginFlag.values()) {
                if (o.has(f)) {
                    flags.add(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
            List<String> evidence = p.evidence.stream().distinct().sorted(inputOrderFirst)
                    .limit(SourceRow.MAX_EVIDENCE).map(InputPosition::toString).toList();
            AttackGroup g = p.group;
            rows.add(new SourceRow(ip.toString(), o.country(), OriginRows.asn(o), o.asOrganization(), flags,
                    p.verification.name().toLowerCase(Locale.ROOT), Placement.of(p.verification, o).table,
                    g.attacks, g.events, g.bytes(), List.copyOf(p.types),
                    p.targets.stream().limit(SourceRow.MAX_TARGETS).toList(), g.firstSeen(), g.lastSeen(), evidence));
        }
        return rows;
    }
}
