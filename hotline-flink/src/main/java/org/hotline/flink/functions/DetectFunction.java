package org.hotline.flink.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.hotline.aggregate.SourceTally;
import org.hotline.detect.DetectionPlan;
import org.hotline.detect.Detector;
import org.hotline.event.Event;
import org.hotline.flink.records.DetectedAttack;
import org.hotline.flink.records.ReportPart;
import org.hotline.flink.records.TallyCounts;

/**
 * The detect stage and the tally: one set of core detectors and one {@link SourceTally} per
 * subtask, fed every event of the sources sent to it ({@link BySource}), and at the end of the
 * input the attacks they found and each source's totals, for the report.
 *
 * <p>This is what a pipeline worker does on one machine, except that nothing is handed over while
 * reading: every detector window stays open until the end of the input, as with
 * {@code hotline analyze --lateness unlimited}. Windows are judged once, by the subtask that holds
 * every event of the source, so an out-of-order line is never late here.
 */
public final class DetectFunction implements MapPartitionFunction<Event, ReportPart> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> detectors;
    private final ArrayList<String> assignments;

    /**
     * @param detectors   detector names as {@code --detectors} takes them, empty for all
     * @param assignments {@code detector.parameter=value} overrides as {@code --detect} takes them
     */
    public DetectFunction(List<String> detectors, List<String> assignments) {
        this.detectors = new ArrayList<>(detectors);
        this.assignments = new ArrayList<>(assignments);
    }

    @Override
    public void mapPartition(Iterable<Event> events, Collector<ReportPart> out) {
        List<Detector> chosen = DetectionPlan.of(detectors, assignments).get();
        Detector[] array = chosen.toArray(new Detector[0]);
        SourceTally tally = new SourceTally();
        for (Event e : events) {
            tally.accept(e);
            for (Detector d : array) {
                d.accept(e);
            }
        }
        for (int i = 0; i < array.length; i++) {
            int detector = i;
            long[] sequence = {0};
            array[i].finish(attack -> out.collect(ReportPart.of(new DetectedAttack(detector, sequence[0]++, attack))));
        }
        tally.forEachSource(totals -> out.collect(ReportPart.of(totals)));
        out.collect(ReportPart.of(new TallyCounts(tally.eventsWithoutSource(), tally.eventsWithBytes())));
    }
}
