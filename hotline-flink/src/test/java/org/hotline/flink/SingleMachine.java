package org.hotline.flink;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.aggregate.ReportInput;
import org.hotline.aggregate.RunInfo;
import org.hotline.aggregate.SourceOrigins;
import org.hotline.aggregate.SourceTally;
import org.hotline.detect.DetectionPlan;
import org.hotline.geo.GeoWarnings;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.EnricherChain;
import org.hotline.geo.Enrichers;
import org.hotline.geo.GeoSources;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.report.JsonReportWriter;
import org.hotline.source.Sources;

/**
 * The expected side of the comparison: what {@code hotline analyze --json} reports for the same
 * arguments with its defaults, made in this JVM by the same calls its composition root
 * ({@code PipelineAssembly} in hotline-cli, which this module may not depend on) makes: core's
 * multi-threaded {@link Pipeline} with the default detectors and the default lateness, every source
 * resolved with the default databases, the warnings in the same order, core's report builder and
 * JSON writer. Those stages are tested on their own in hotline-core, hotline-geo and hotline-cli.
 */
final class SingleMachine {
    private SingleMachine() {}

    static String analyzeJson(List<String> arguments) throws Exception {
        Sources.Once inputs = Sources.once(Sources.expand(arguments));
        Pipeline.Settings settings = new Pipeline.Settings(null, 0, ZoneId.of("UTC"), 2);
        Pipeline.Result result = new Pipeline(settings, DetectionPlan.defaults(), SourceTally::new, null,
                PipelineListener.NONE, InputStream.nullInputStream()).run(inputs.inputs());
        GeoSources geo = GeoSources.withDefaults(List.of(), List.of(), null, DefaultDatabases::locate);
        try (EnricherChain enrichment = Enrichers.assemble(geo)) {
            SourceTally tally = (SourceTally) result.aggregate();
            SourceOrigins origins = OriginReportBuilder.resolve(tally, result.attacks(), enrichment::enrichOnce, 2);
            List<String> warnings = new ArrayList<>(inputs.repeats());
            warnings.addAll(GeoWarnings.of(enrichment, origins));
            if (result.lateEvents() > 0) {
                warnings.add(result.lateEvents() + " late events");   // stated so that a comparison shows it
            }
            RunInfo run = new RunInfo("test", Instant.now(), settings.zone(), Map.of());
            OriginReport report = OriginReportBuilder.build(ReportInput.of(result, enrichment::enrichOnce,
                    enrichment.databases(), run, warnings), origins);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            new JsonReportWriter().write(report, json);
            return json.toString(StandardCharsets.UTF_8);
        }
    }
}
