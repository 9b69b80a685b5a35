package org.hotline.flink.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.aggregate.ReportInput;
import org.hotline.aggregate.RunInfo;
import org.hotline.aggregate.SourceOrigins;
import org.hotline.aggregate.SourceTally;
import org.hotline.detect.Attack;
import org.hotline.flink.records.DetectedAttack;
import org.hotline.flink.records.InputReport;
import org.hotline.flink.records.ReportPart;
import org.hotline.geo.GeoWarnings;
import org.hotline.geo.EnricherChain;
import org.hotline.pipeline.InputSummary;

/**
 * The parts of the report gathered from every subtask, and the report made of them the way
 * {@code hotline analyze} makes it (its {@code PipelineAssembly}): every source resolved once,
 * the warnings in the same order, then core's {@link OriginReportBuilder}.
 *
 * <p>Not thread-safe; one instance lives in the one report subtask.
 */
final class ReportParts {
    /**
     * One order for the attacks however the subtasks' outputs interleaved on the way here: by
     * detector in registry order (as {@code hotline analyze} lists them), then by source, then as the
     * source's one subtask emitted them. The report itself does not depend on the order (it counts,
     * and lists a source's types and targets sorted; checked by reversing this order, with which the
     * MiniCluster tests still pass), but a list that differs from run to run would reach whatever
     * reads the attacks next.
     */
    private static final Comparator<DetectedAttack> DETECTION_ORDER = Comparator
            .comparingInt(DetectedAttack::detector)
            .thenComparing(d -> d.attack().source())
            .thenComparingLong(DetectedAttack::sequence);

    private final List<InputReport> inputs = new ArrayList<>();
    private final List<DetectedAttack> attacks = new ArrayList<>();
    private final SourceTally tally = new SourceTally();

    void add(ReportPart part) {
        if (part.input() != null) {
            inputs.add(part.input());
        } else if (part.attack() != null) {
            attacks.add(part.attack());
        } else if (part.totals() != null) {
            tally.add(part.totals());
        } else if (part.counts() != null) {
            tally.addCounts(part.counts().eventsWithoutSource(), part.counts().eventsWithBytes());
        } else {
            throw new IllegalArgumentException("a report part with nothing in it");
        }
    }

    /**
     * @param warnings what the client found before the job (inputs named twice), printed first
     */
    OriginReport report(EnricherChain enrichment, RunInfo run, List<String> warnings) {
        List<InputSummary> summaries = inputs.stream()
                .sorted(Comparator.comparingInt(InputReport::index).thenComparingInt(InputReport::part))
                .map(InputReport::summary).toList();
        List<Attack> ordered = attacks.stream().sorted(DETECTION_ORDER).map(DetectedAttack::attack).toList();
        SourceOrigins origins = OriginReportBuilder.resolve(tally, ordered, enrichment::enrichOnce);
        List<String> all = new ArrayList<>(warnings);
        all.addAll(GeoWarnings.of(enrichment, origins));
        return OriginReportBuilder.build(new ReportInput(summaries, ordered, tally, enrichment::enrichOnce,
                enrichment.databases(), run, all), origins);
    }
}
