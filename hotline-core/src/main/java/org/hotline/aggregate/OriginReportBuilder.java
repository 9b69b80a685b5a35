package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hotline.Completion;
import org.hotline.detect.Attack;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.pipeline.InputSummary;

/**
 * Turns a pipeline run into an {@link OriginReport}: looks up every distinct source once, splits
 * the attacks by what their sources can prove, counts every table three ways, and writes the method
 * and caveats with this run's figures.
 *
 * <p>Cost: one enrichment call per distinct source (the only I/O-bound step if the caller's
 * function is uncached), then time and memory linear in distinct sources plus attacks.
 *
 * <p>A caller that also wants to check the databases' coverage of the same addresses (the geo
 * module's {@code CoverageCheck}) resolves them once and hands them in:
 * <pre>
 * SourceOrigins origins = OriginReportBuilder.resolve(tally, result.attacks(), lookup);
 * String warning = CoverageCheck.check(origins.inLookupOrder(), databases).warning();
 * OriginReport report = OriginReportBuilder.build(ReportInput.of(result, lookup, databases, run,
 *         warning == null ? List.of() : List.of(warning)), origins);
 * </pre>
 */
public final class OriginReportBuilder {
    /** Bits in the filter of attackers' addresses in {@link #resolve}: 8 KB; the 10M bench log's 9,000 attackers set one in seven. */
    private static final int ATTACKER_BITS = 1 << 16;

    private OriginReportBuilder() {}

    public static OriginReport build(ReportInput in) {
        return build(in, resolve(in.tally(), in.attacks(), in.origins()));
    }

    /**
     * Like {@link #build(ReportInput)}, with every source already resolved by {@link #resolve}
     * (the caller resolved them on all cores and keeps them for other outputs): resolving
     * 150,000 sources a second time, on one thread, was a tenth of a second of a 1M-line run.
     */
    public static OriginReport build(ReportInput in, SourceOrigins origins) {
        // The two big tables side by side: each pass runs once per report, mostly in cold code, and
        // the second core was idle while this thread built them one after the other. Both only read.
        CompletableFuture<EventsSection> eventsBeside = CompletableFuture.supplyAsync(() -> EventTotals.build(in.tally(), origins.all()));
        List<String> inputOrder = in.inputs().stream().map(InputSummary::name).toList();
        AttackBreakdown.Result attacks = AttackBreakdown.build(in.attacks(), origins.attackers(), in.run().zone(), inputOrder,
                in.tally()::eventsOf);
        EventsSection events = Completion.join(eventsBeside);
        Caveats.TimeWindow window = new Caveats.TimeWindow(events.firstSeen(), events.lastSeen(), in.run().zone().getId());
        List<Caveats.FileRule> timeRules = new ArrayList<>();
        for (InputSummary s : in.inputs()) {
            if (s.timeRule() != null) {
                timeRules.add(new Caveats.FileRule(s.name(), s.timeRule()));
            }
        }
        Caveats caveats = new Caveats(
                MethodStatements.statements(in, attacks.section(), attacks.shares(), attacks.countedTwice(), window),
                MethodStatements.units(events.eventsWithBytes(), events.total()),
                ConfidenceGrade.definitions(), attacks.shares(), window, timeRules,
                MethodStatements.notMeasured(in.databases()));
        return new OriginReport(OriginReport.SCHEMA,
                new OriginReport.Run(in.run().version(), in.run().generatedAt(), in.run().zone().getId(), in.run().settings()),
                in.inputs().stream().map(OriginReportBuilder::inputFile).toList(),
                in.databases().stream().map(OriginReportBuilder::database).toList(),
                ReportWarnings.of(in, events, attacks.section(), attacks.originBusiest()),
                events, attacks.section(), caveats);
    }

    /** Every distinct source's origin (of all events and of all attacks), looked up once each. */
    public static SourceOrigins resolve(SourceTally tally, List<Attack> attacks, Function<IpAddress, Origin> lookup) {
        return resolve(tally, attacks, lookup, 1);
    }

    /**
     * Like {@link #resolve(SourceTally, List, Function)}, spreading the lookups over {@code threads}
     * threads: a million-line log has ~150,000 distinct sources and each lookup is independent, so
     * on one thread they were a serial step after the parallel pipeline. {@code lookup} must then
     * be thread-safe.
     */
    public static SourceOrigins resolve(SourceTally tally, List<Attack> attacks, Function<IpAddress, Origin> lookup,
                                        int threads) {
        IpAddress[] sources = tally.addresses();
        int[] order = addressOrder(sources);
        Origin[] found = new Origin[sources.length];
        // The attackers are a few thousand of the sources: their origins are kept as they are found,
        // by a look into this small map, rather than found again in a map of every source.
        Map<IpAddress, Integer> attackerAt = new HashMap<>();
        // A bit per hash of the attackers' addresses: most sources are not attackers (368,000 of
        // 377,000 on the 10M-line bench log), and a clear bit spares them the look into the map.
        long[] maybeAttacker = new long[ATTACKER_BITS / 64];
        for (Attack a : attacks) {
            if (attackerAt.putIfAbsent(a.source(), attackerAt.size()) == null) {
                int bit = attackerBit(a.source());
                maybeAttacker[bit >>> 6] |= 1L << bit;
            }
        }
        Origin[] attackerOrigins = new Origin[attackerAt.size()];
        IntConsumer resolveOne = k -> {
            IpAddress ip = sources[order[k]];
            Origin o = lookup(lookup, ip);
            found[order[k]] = o;
            int bit = attackerBit(ip);
            if ((maybeAttacker[bit >>> 6] & 1L << bit) != 0) {
                Integer at = attackerAt.get(ip);
                if (at != null) {
                    attackerOrigins[at] = o;
                }
            }
        };
        if (threads <= 1 || sources.length < 10_000) {
            for (int k = 0; k < order.length; k++) {
                resolveOne.accept(k);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                // Each task takes a run of neighbours in address order (see addressOrder).
                pool.submit(() -> IntStream.range(0, order.length).parallel().forEach(resolveOne)).join();
            } finally {
                pool.shutdown();
            }
        }
        Map<IpAddress, Origin> attackers = new HashMap<>(Math.max(16, attackerAt.size() * 4 / 3 + 1));
        attackerAt.forEach((ip, at) -> attackers.put(ip, attackerOrigins[at] != null ? attackerOrigins[at]
                : lookup(lookup, ip)));   // an attack whose source no tallied event had (not from the pipeline)
        return new SourceOrigins(found, order, attackers);
    }

    private static int attackerBit(IpAddress ip) {
        int h = ip.hashCode();
        return (h ^ h >>> 16) & (ATTACKER_BITS - 1);
    }

    /**
     * The indices of {@code sources} in address order: IPv4 by number, then IPv6 as given. Sorted,
     * each lookup thread takes a run of neighbours, and a database lookup can reuse the network of
     * the one before (the geo module's RecordLocator): on the 1M-line bench log that saved a third
     * of the lookup time. The IPv4 addresses are sorted as numbers with their index: sorting
     * 150,000 objects through compareTo took longer on this one thread than the walks it saved on
     * all of them.
     */
    static int[] addressOrder(IpAddress[] sources) {
        long[] v4 = new long[sources.length];
        int count = 0;
        for (int i = 0; i < sources.length; i++) {
            if (sources[i].isV4()) {
                // 32 address bits above 31 index bits: never negative, so the signed sort is numeric.
                v4[count++] = (sources[i].v4Bits() & 0xffff_ffffL) << 31 | i;
            }
        }
        Arrays.sort(v4, 0, count);
        int[] order = new int[sources.length];
        for (int k = 0; k < count; k++) {
            order[k] = (int) (v4[k] & Integer.MAX_VALUE);
        }
        int next = count;
        for (int i = 0; i < sources.length; i++) {
            if (!sources[i].isV4()) {
                order[next++] = i;
            }
        }
        return order;
    }

    private static Origin lookup(Function<IpAddress, Origin> lookup, IpAddress ip) {
        Origin o = lookup.apply(ip);
        return o == null ? Origin.UNKNOWN : o;
    }

    private static OriginReport.InputFile inputFile(InputSummary s) {
        return new OriginReport.InputFile(s.name(), s.format(), s.formatForced(), s.bytes() < 0 ? null : s.bytes(),
                s.compressed(), s.lines(), s.events(), s.ignored(), s.skipped(),
                s.firstSkipped().stream().map(k -> new OriginReport.SkippedLine(k.line(), k.reason())).toList(),
                s.timeRule(), s.error());
    }

    private static OriginReport.Database database(DatabaseInfo d) {
        return new OriginReport.Database(d.role(), d.name(), d.layout(), d.buildDate(), d.sha256(),
                d.entries() < 0 ? null : d.entries(), d.source());
    }
}
