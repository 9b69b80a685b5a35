package org.hotline.aggregate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.hotline.Completion;
import org.hotline.detect.Attack;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * Splits the attacks into the five tables of {@link AttacksSection} (see {@link Placement}) and
 * builds every breakdown, plus the source shares the caveats quote.
 */
final class AttackBreakdown {
    static final String TOTAL = "all attacks the detectors found, whatever their source";
    static final String ORIGIN = "attacks whose source completed a TCP handshake, is routable and is not a Tor exit:"
            + " the only attacks counted in byCountry and byAsn, and the denominators of their percentages";
    static final String ANONYMISED = "attacks from Tor exit relays: anonymised, origin unknown; a country here is the"
            + " relay's, not the attacker's";
    static final String NON_ROUTABLE = "attacks from private, shared, loopback, reserved or bogon addresses: inside the"
            + " operator's network, behind a proxy, or forged; they have no country";
    static final String UNVERIFIED = "attacks none of whose events completed a handshake (packets, half-open"
            + " connections): the source address may be forged, so a country here is the apparent source's";
    static final String REFLECTED = "UDP attacks from amplifier ports (DNS, NTP, SSDP, memcached...): the senders are"
            + " most likely abused reflectors, victims themselves; a country here is where a reflector sits";

    private AttackBreakdown() {}

    /**
     * @param countedTwice attack events certainly counted in more than one attack (see {@link #countedTwice})
     */
    record Result(AttacksSection section, Caveats.SourceShares shares, long countedTwice, Busiest originBusiest) {}

    /** The address with the most events among the origin table's attacks (null: no such attack). */
    record Busiest(IpAddress address, long events) {}

    /**
     * @param parsedEvents a source's parsed events, 0 for a source no parsed event had
     */
    static Result build(List<Attack> attacks, Map<IpAddress, Origin> origins, ZoneId zone, List<String> inputOrder,
                        ToLongFunction<IpAddress> parsedEvents) {
        // Two of the passes over every attack beside the others: each is cold code run once per
        // report (46,000 attacks on the 10M-line bench log: ~70 ms each), and they only read.
        CompletableFuture<AttacksSection.TimeSeries> timeline = CompletableFuture.supplyAsync(() -> Timeline.of(attacks, zone));
        CompletableFuture<List<SourceRow>> topSources = CompletableFuture.supplyAsync(() -> TopSources.of(attacks, origins, inputOrder));
        Map<Placement, List<Attack>> placed = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            placed.put(p, new ArrayList<>());
        }
        AttackGroup all = new AttackGroup();
        Map<String, AttackGroup> byType = new HashMap<>();
        Map<String, AttackGroup> byTarget = new HashMap<>();
        for (Attack a : attacks) {
            placed.get(Placement.of(a, origins.get(a.source()))).add(a);
            all.add(a);
            byType.computeIfAbsent(a.type().id(), t -> new AttackGroup()).add(a);
            byTarget.computeIfAbsent(a.target(), t -> new AttackGroup()).add(a);
        }
        AttacksSection.Scope total = scope(TOTAL, all);
        AttackGroup originGroup = group(placed.get(Placement.ORIGIN));
        AttacksSection.Scope origin = scope(ORIGIN, originGroup);
        OriginRows rows = new OriginRows(origins, placed.get(Placement.ORIGIN), origin);
        placed.get(Placement.ANONYMISED).forEach(a -> rows.excluded(Placement.ANONYMISED, a.source()));
        placed.get(Placement.NON_ROUTABLE).forEach(a -> rows.excluded(Placement.NON_ROUTABLE, a.source()));
        AttacksSection.SideTable anonymised = side(ANONYMISED, placed.get(Placement.ANONYMISED), origins);
        AttacksSection.SideTable nonRoutable = side(NON_ROUTABLE, placed.get(Placement.NON_ROUTABLE), origins);
        AttacksSection.SideTable unverified = side(UNVERIFIED, placed.get(Placement.UNVERIFIED), origins);
        AttacksSection.SideTable reflected = side(REFLECTED, placed.get(Placement.REFLECTED), origins);
        Caveats.SourceShares shares = shares(attacks, origins);
        AttacksSection section = new AttacksSection(total, origin, rows.countries(), rows.asns(),
                breakdown(byType, total, AttacksSection.TypeRow::new, AttacksSection.TypeRow::sources,
                        AttacksSection.TypeRow::events, AttacksSection.TypeRow::type),
                breakdown(byTarget, total, AttacksSection.TargetRow::new, AttacksSection.TargetRow::sources,
                        AttacksSection.TargetRow::events, AttacksSection.TargetRow::target),
                Completion.join(timeline), Completion.join(topSources), anonymised, nonRoutable, unverified, reflected);
        // Of the origin table's attacks only: a source's row in topSources sums all its attacks, and
        // those it also made unverified (an IDS alert beside a web request) are not in the origin.
        IpAddress busiest = originGroup.topSource();
        return new Result(section, shares, countedTwice(all, parsedEvents),
                busiest == null ? null : new Busiest(busiest, originGroup.perSource.get(busiest)[0]));
    }

    /**
     * How many attack events are certainly counted in two attacks or more. Attacks keep a count of
     * their events, not the events, so where two detectors flag the same lines (a honeypot login that
     * is also part of a brute force, a traversal probe that is also part of a path scan) the line
     * counts in each; a source whose attacks add up to more events than it sent shows at least the
     * difference. A lower bound: overlaps within a source's total stay unseen.
     */
    private static long countedTwice(AttackGroup all, ToLongFunction<IpAddress> parsedEvents) {
        long twice = 0;
        for (Map.Entry<IpAddress, long[]> e : all.perSource.entrySet()) {
            long parsed = parsedEvents.applyAsLong(e.getKey());
            if (parsed > 0) {   // 0: attacks handed in without their events (no pipeline behind them)
                twice += Math.max(0, e.getValue()[0] - parsed);
            }
        }
        return twice;
    }

    private static AttackGroup group(List<Attack> attacks) {
        AttackGroup g = new AttackGroup();
        attacks.forEach(g::add);
        return g;
    }

    private static AttacksSection.Scope scope(String definition, AttackGroup g) {
        return new AttacksSection.Scope(definition, g.attacks, g.events, g.sources(), g.bytes());
    }

    /** The constructor shape shared by TypeRow and TargetRow. */
    interface RowMaker<R> {
        R make(String key, long attacks, long events, long sources, Long bytes,
               Double eventsPercent, Double sourcesPercent, Double bytesPercent);
    }

    private static <R> List<R> breakdown(Map<String, AttackGroup> groups, AttacksSection.Scope of, RowMaker<R> maker,
                                         ToLongFunction<R> sources, ToLongFunction<R> events,
                                         Function<R, String> key) {
        List<R> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(maker.make(k, g.attacks, g.events, g.sources(), g.bytes(),
                Percent.of(g.events, of.events()), Percent.of(g.sources(), of.sources()), Percent.ofBytes(g.bytes(), of.bytes()))));
        rows.sort(RowOrder.of(sources, events, key));
        return rows;
    }

    private static AttacksSection.SideTable side(String definition, List<Attack> attacks, Map<IpAddress, Origin> origins) {
        AttackGroup all = group(attacks);
        Map<String, AttackGroup> byCountry = new HashMap<>();
        attacks.forEach(a -> byCountry.computeIfAbsent(origins.get(a.source()).country(), c -> new AttackGroup()).add(a));
        List<CountryCount> rows = new ArrayList<>();
        byCountry.forEach((country, g) -> rows.add(new CountryCount(country, g.events, g.sources(), g.bytes(),
                Percent.of(g.events, all.events), Percent.of(g.sources(), all.sources()), Percent.ofBytes(g.bytes(), all.bytes()))));
        rows.sort(RowOrder.of(CountryCount::sources, CountryCount::events, CountryCount::country));
        return new AttacksSection.SideTable(definition, all.attacks, all.events, all.sources(), all.bytes(), rows);
    }

    /** Tor, spoofable, non-routable and unlocated shares of the distinct attacking sources. */
    private static Caveats.SourceShares shares(List<Attack> attacks, Map<IpAddress, Origin> origins) {
        Map<IpAddress, Verification> strongest = new HashMap<>();
        attacks.forEach(a -> strongest.merge(a.source(), a.verification(), Verification::strongest));
        long tor = 0;
        long spoofable = 0;
        long nonRoutable = 0;
        long unknown = 0;
        for (Map.Entry<IpAddress, Verification> e : strongest.entrySet()) {
            Origin o = origins.get(e.getKey());
            tor += o.has(OriginFlag.TOR_EXIT) ? 1 : 0;
            spoofable += e.getValue() != Verification.HANDSHAKE ? 1 : 0;
            nonRoutable += o.has(OriginFlag.NON_ROUTABLE) ? 1 : 0;
            unknown += !o.has(OriginFlag.NON_ROUTABLE) && o.country() == null ? 1 : 0;
        }
        long of = strongest.size();
        return new Caveats.SourceShares(share(tor, of), share(spoofable, of), share(nonRoutable, of), share(unknown, of));
    }

    private static Caveats.Share share(long n, long of) {
        return new Caveats.Share(n, of, Percent.of(n, of));
    }
}
