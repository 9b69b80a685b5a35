package org.hotline.flink.functions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.RunInfo;
import org.hotline.flink.records.ReportPart;
import org.hotline.geo.EnricherChain;
import org.hotline.geo.Enrichers;
import org.hotline.report.JsonReportWriter;

/**
 * The enrich and aggregate stages and the JSON writer, on one subtask (the job runs it at
 * parallelism 1): gathers every input's accounting, every attack and every source's totals,
 * opens the geo databases, and emits the report as the JSON document {@code hotline analyze --json}
 * writes, in pieces of at most {@link #PIECE_CHARS} characters, which the client joins in order
 * (one subtask emits them, so they arrive in the order emitted).
 *
 * <p>Why pieces: the client collects the report through Flink's collect sink, which fails the job
 * on a record larger than its batch ({@code collect-sink.batch-size.max}, 2 MiB), and a report on
 * a large input (thousands of networks by ASN) can be larger.
 *
 * <p>One subtask because the report's shares need every source and attack together; what reaches
 * it grows with distinct sources and attacks, not with events.
 */
public final class ReportFunction implements MapPartitionFunction<ReportPart, String> {
    private static final long serialVersionUID = 1L;

    /**
     * 64 Ki characters, at most 192 KiB of UTF-8: far below the collect sink's 2 MiB, and small
     * enough that the bundled samples' report (about 100 KB) comes in two pieces, so the
     * MiniCluster test joins pieces too.
     */
    public static final int PIECE_CHARS = 64 * 1024;

    private final GeoFiles geo;
    private final String version;
    private final String zone;
    private final Map<String, String> settings;
    private final List<String> warnings;

    /**
     * @param settings the choices that shaped the numbers, for the report's method section
     * @param warnings what the client found (inputs named twice), printed first
     */
    public ReportFunction(GeoFiles geo, String version, String zone, Map<String, String> settings, List<String> warnings) {
        this.geo = geo;
        this.version = version;
        this.zone = zone;
        this.settings = Map.copyOf(settings);
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public void mapPartition(Iterable<ReportPart> parts, Collector<String> out) throws IOException {
        ReportParts gathered = new ReportParts();
        for (ReportPart part : parts) {
            gathered.add(part);
        }
        RunInfo run = new RunInfo(version, Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of(zone), settings);
        OriginReport report;
        try (EnricherChain enrichment = Enrichers.assemble(geo.toSources())) {
            report = gathered.report(enrichment, run, warnings);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, json);
        String text = json.toString(StandardCharsets.UTF_8);
        for (int from = 0; from < text.length(); from += PIECE_CHARS) {
            out.collect(text.substring(from, Math.min(text.length(), from + PIECE_CHARS)));
        }
    }
}
