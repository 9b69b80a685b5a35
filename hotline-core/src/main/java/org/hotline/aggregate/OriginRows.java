package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.detect.Attack;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * The headline tables: origin attacks (verified, routable, non-Tor) by country and by ASN, each row
 * with its denominators, spread (networks, ASNs) and concentration.
 */
final class OriginRows {
    private final Map<IpAddress, Origin> origins;
    private final AttacksSection.Scope scope;
    private final Map<String, AttackGroup> byCountry = new HashMap<>();
    private final Map<Long, AttackGroup> byAsn = new HashMap<>();
    private final Map<String, Set<IpAddress>> torByCountry = new HashMap<>();
    private final Map<String, Set<IpAddress>> nonRoutableByCountry = new HashMap<>();

    OriginRows(Map<IpAddress, Origin> origins, List<Attack> originAttacks, AttacksSection.Scope scope) {
        this.origins = origins;
        this.scope = scope;
        for (Attack a : originAttacks) {
            Origin o = origins.get(a.source());
            byCountry.computeIfAbsent(o.country(), c -> new AttackGroup()).add(a);
            byAsn.computeIfAbsent(asn(o), n -> new AttackGroup()).add(a);
        }
    }

    /** Records a verified source that was left out of its country's row, to show the exclusion there. */
    void excluded(Placement placement, IpAddress source) {
        Map<String, Set<IpAddress>> into = placement == Placement.ANONYMISED ? torByCountry : nonRoutableByCountry;
        into.computeIfAbsent(origins.get(source).country(), c -> new HashSet<>()).add(source);
    }

    List<CountryRow> countries() {
        List<CountryRow> rows = new ArrayList<>();
        byCountry.forEach((country, g) -> {
            long tor = torByCountry.getOrDefault(country, Set.of()).size();
            long nonRoutable = nonRoutableByCountry.getOrDefault(country, Set.of()).size();
            Double concentration = g.concentration();
            ConfidenceGrade.Grade grade = ConfidenceGrade.of(country, g.sources(), concentration);
            Set<Long> asns = new HashSet<>();
            g.perSource.keySet().forEach(s -> asns.add(asn(origins.get(s))));
            asns.remove(null);
            rows.add(new CountryRow(country, g.attacks, g.events, g.sources(), g.bytes(),
                    Percent.of(g.events, scope.events()), Percent.of(g.sources(), scope.sources()),
                    Percent.ofBytes(g.bytes(), scope.bytes()), g.networks(), asns.size(), topAsns(g), g.targets(),
                    g.firstSeen(), g.lastSeen(), g.topAddresses(CountryRow.TOP_ADDRESSES), g.topSource().toString(),
                    concentration,
                    tor, Percent.of(tor, g.sources() + tor + nonRoutable), nonRoutable,
                    grade.grade(), grade.reasons()));
        });
        rows.sort(RowOrder.of(CountryRow::sources, CountryRow::events, CountryRow::country));
        return rows;
    }

    List<AsnRow> asns() {
        List<AsnRow> rows = new ArrayList<>();
        byAsn.forEach((asn, g) -> {
            Map<String, long[]> countries = new HashMap<>();
            String org = null;
            for (IpAddress s : g.perSource.keySet()) {
                Origin o = origins.get(s);
                countries.computeIfAbsent(o.country(), c -> new long[1])[0]++;
                // Databases may name one AS differently per range: take one name, the same on every run.
                if (o.asOrganization() != null && (org == null || o.asOrganization().compareTo(org) < 0)) {
                    org = o.asOrganization();
                }
            }
            List<String> codes = new ArrayList<>(countries.keySet());
            codes.sort(Comparator.comparingLong((String c) -> countries.get(c)[0]).reversed()
                    .thenComparing(Comparator.nullsLast(Comparator.naturalOrder())));
            rows.add(new AsnRow(asn, org, codes, g.attacks, g.events, g.sources(), g.bytes(),
                    Percent.of(g.events, scope.events()), Percent.of(g.sources(), scope.sources()),
                    Percent.ofBytes(g.bytes(), scope.bytes()), g.networks(), g.firstSeen(), g.lastSeen(),
                    g.topSource().toString(), g.concentration()));
        });
        rows.sort(RowOrder.of(AsnRow::sources, AsnRow::events, r -> r.asn() == null ? null
                : String.format("%010d", r.asn())));
        return rows;
    }

    private List<CountryRow.AsnCount> topAsns(AttackGroup g) {
        Map<Long, long[]> perAsn = new HashMap<>();   // sources, events
        Map<Long, String> orgs = new HashMap<>();
        g.perSource.forEach((source, events) -> {
            Origin o = origins.get(source);
            long[] c = perAsn.computeIfAbsent(asn(o), n -> new long[2]);
            c[0]++;
            c[1] += events[0];
            if (o.asOrganization() != null) {
                orgs.merge(asn(o), o.asOrganization(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        List<CountryRow.AsnCount> counts = new ArrayList<>();
        perAsn.forEach((asn, c) -> counts.add(new CountryRow.AsnCount(asn, orgs.get(asn), c[0], c[1])));
        counts.sort(RowOrder.of(CountryRow.AsnCount::sources, CountryRow.AsnCount::events,
                c -> c.asn() == null ? null : String.format("%010d", c.asn())));
        return counts.subList(0, Math.min(CountryRow.TOP_ASNS, counts.size()));
    }

    static Long asn(Origin o) {
        return o.asn() < 0 ? null : o.asn();
    }
}
