package org.hotline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.aggregate.ReportInput;
import org.hotline.aggregate.RunInfo;
import org.hotline.aggregate.SourceOrigins;
import org.hotline.aggregate.SourceTally;
import org.hotline.detect.DetectionPlan;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoWarnings;
import org.hotline.geo.EnricherChain;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.report.EventsOutWriter;
import org.hotline.source.Following;
import org.hotline.source.SourceOpener;
import org.hotline.source.Sources;

/**
 * The composition root of the attribution pipeline: the one place where options become a
 * pipeline, read top to bottom like the stages run — detection plan, enrichment, source → parser
 * → detectors and tally, enrichment of every distinct source, coverage check, report.
 *
 * <p>Everything a user can get wrong (detector names and values, the events-out path) is checked
 * before the first input line is read. The databases are opened beside the first blocks (see
 * {@link GeoOpening}): a bad one stops the reading as soon as it is found.
 */
final class PipelineAssembly {

    /** What a run produced: the report, the raw pipeline result, and each attacking source's origin. */
    record Analysis(OriginReport report, Pipeline.Result result, Map<IpAddress, Origin> attackers) {}

    /**
     * The analysis options, as the CLI gathered them.
     *
     * @param outputs every file the run will write, by option (with where it is written first), to
     *                refuse one that is also an input before anything is read
     */
    record Request(List<String> inputs, Pipeline.Settings settings, List<String> detectors, List<String> detect,
                   GeoOptions geo, Path eventsOut, Map<String, List<Path>> outputs, Map<String, String> extraSettings,
                   Following following) {
        Request(List<String> inputs, Pipeline.Settings settings, List<String> detectors, List<String> detect,
                GeoOptions geo, Path eventsOut, Map<String, List<Path>> outputs, Map<String, String> extraSettings) {
            this(inputs, settings, detectors, detect, geo, eventsOut, outputs, extraSettings, null);
        }

        /** The same request, its one input read on as it grows by {@code following} (null: read as it is). */
        Request following(Following following) {
            return new Request(inputs, settings, detectors, detect, geo, eventsOut, outputs, extraSettings, following);
        }
    }

    private PipelineAssembly() {}

    static Analysis analyze(Request request, PipelineListener listener, InputStream stdin) throws IOException {
        DetectionPlan detection = DetectionPlan.of(request.detectors(), request.detect());
        Sources.Once inputs = Sources.once(Sources.expand(request.inputs()));
        OutputGuard.check(inputs.inputs(), request.outputs());
        if (request.following() != null && inputs.inputs().size() != 1) {
            throw new InputException("--follow reads one file, and " + String.join(" ", request.inputs()) + " is "
                    + inputs.inputs().size() + " inputs: run one hotline for each log to follow");
        }
        try (GeoOpening geo = GeoOpening.start(request.geo()::open);
             OutputFile.Pending eventsFile = request.eventsOut() == null ? null
                     : OutputFile.open(request.eventsOut(), "events (--events-out)", OutputFile.Beside.PARTIAL);
             EventsOutWriter eventsOut = eventsFile == null ? null : eventsOut(request.eventsOut(), eventsFile, geo)) {

            Pipeline pipeline = new Pipeline(request.settings(), detection, SourceTally::new, eventsOut, listener, stdin,
                    request.following() == null ? SourceOpener.PLAIN : request.following());
            geo.whenFailed(pipeline::abort);
            Pipeline.Result result = pipeline.run(inputs.inputs());
            if (request.following() != null) {
                request.following().finished();   // the time followed ends here, not after the report is built
            }
            if (eventsFile != null) {
                eventsFile.commit();   // every event parsed is written: the file takes its name
            }
            EnricherChain enrichment = geo.get();

            SourceTally tally = (SourceTally) result.aggregate();
            SourceOrigins origins;
            try {
                origins = OriginReportBuilder.resolve(tally, result.attacks(), enrichment::enrichOnce,
                        request.settings().workers());
            } catch (InputException e) {
                // A damaged database shows only at the lookup that meets it, here after all the reading.
                throw new InputException(e.getMessage() + "; found after the inputs were read, so no report was made", e);
            }
            List<String> warnings = new ArrayList<>(inputs.repeats());
            if (request.following() != null && request.following().statement() != null) {
                warnings.add(0, request.following().statement());
            }
            warnings.addAll(GeoWarnings.of(enrichment, origins));
            if (result.lateEvents() > 0) {
                warnings.add(lateWarning(result.lateEvents(), request.settings().lateness()));
            }

            RunInfo run = new RunInfo(HotlineVersion.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS), request.settings().zone(),
                    settings(request, detection, result.windowsKeptOpen()));
            OriginReport report = OriginReportBuilder.build(ReportInput.of(result, enrichment::enrichOnce, enrichment.databases(),
                    run, warnings), origins);
            return new Analysis(report, result, origins.attackers());
        }
    }

    /** Lines out of time order beyond --lateness: their detector windows may have been judged already. */
    static String lateWarning(long lateEvents, long lateness) {
        return lateEvents + " events were more than " + AnalyzeOptions.LATENESS.format(lateness) + " older than lines"
                + " read before them (lines of one input out of time order): their detector windows may have been"
                + " closed already, and they were judged apart, so an attack spanning both may be split or missed;"
                + " pass --lateness with a longer time, or unlimited";
    }

    /** Events are enriched as they are written, so this waits for the databases. */
    private static EventsOutWriter eventsOut(Path path, OutputFile.Pending file, GeoOpening geo) {
        EnricherChain enrichment = geo.get();
        String name = path == StandardOutput.DEVICE ? "- (standard output)" : path.toString();
        return new EventsOutWriter(name, file.stream(), ip -> enrichment.enrich(ip, Origin.UNKNOWN));
    }

    /** The choices that shaped the numbers, for the report's method section. */
    private static Map<String, String> settings(Request request, DetectionPlan detection, boolean windowsKeptOpen) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("format", request.settings().format() == null ? "detected per input" : request.settings().format());
        s.put("year", request.settings().year() == 0 ? "inferred from file times" : Integer.toString(request.settings().year()));
        s.put("timezone", request.settings().zone().getId());
        s.put("threads", Integer.toString(request.settings().workers()));
        long lateness = request.settings().lateness();
        s.put("lateness", lateness == Pipeline.UNLIMITED_LATENESS ? "unlimited" : AnalyzeOptions.LATENESS.format(lateness)
                + (windowsKeptOpen ? " (not applied: more inputs overlap in time than are merged by time, so every window was kept open to the end)" : ""));
        List<String> rules = new ArrayList<>(detection.describe());
        for (int i = 0; i < rules.size(); i++) {
            s.put("detector." + (i + 1), rules.get(i));
        }
        if (request.following() != null) {
            s.put("follow", request.following().stop().limit() == null ? "until stopped (Ctrl-C or SIGTERM)"
                    : "for " + Durations.format(request.following().stop().limit()));
        }
        s.putAll(request.extraSettings());
        return s;
    }
}
