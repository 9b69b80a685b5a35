package org.hotline.aggregate;

import java.util.List;
import java.util.function.Function;
import org.hotline.detect.Attack;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.pipeline.InputSummary;
import org.hotline.pipeline.Pipeline;

/**
 * Everything {@link OriginReportBuilder} needs.
 *
 * @param inputs    per-input accounting from the pipeline
 * @param attacks   the attacks the detectors found
 * @param tally     the merged aggregator of the run (all events per source)
 * @param origins   enrichment of an address (country, ASN, flags); the builder calls it once per
 *                  distinct source, so the caller's cache (if any) is not required for speed.
 *                  Must not return null ({@link Origin#UNKNOWN} for "nothing known")
 * @param databases provenance of the databases behind {@code origins}
 * @param run       version, time, zone, settings
 * @param warnings  warnings computed elsewhere (e.g. the geo module's "x % of public addresses
 *                  resolved to no country"), printed first
 */
public record ReportInput(List<InputSummary> inputs, List<Attack> attacks, SourceTally tally,
                          Function<IpAddress, Origin> origins, List<DatabaseInfo> databases,
                          RunInfo run, List<String> warnings) {
    public ReportInput {
        inputs = List.copyOf(inputs);
        attacks = List.copyOf(attacks);
        databases = List.copyOf(databases);
        warnings = List.copyOf(warnings);
        if (tally == null || origins == null || run == null) {
            throw new IllegalArgumentException("tally, origins and run are required");
        }
    }

    /** Input from a pipeline run whose aggregator factory was {@code SourceTally::new}. */
    public static ReportInput of(Pipeline.Result result, Function<IpAddress, Origin> origins,
                                 List<DatabaseInfo> databases, RunInfo run, List<String> warnings) {
        if (!(result.aggregate() instanceof SourceTally tally)) {
            throw new IllegalArgumentException("the pipeline's aggregator must be a SourceTally, was "
                    + result.aggregate().getClass().getName());
        }
        return new ReportInput(result.inputs(), result.attacks(), tally, origins, databases, run, warnings);
    }
}
