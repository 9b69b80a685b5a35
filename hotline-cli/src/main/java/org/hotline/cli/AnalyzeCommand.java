package org.hotline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.InputException;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.FollowStop;
import org.hotline.source.Following;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hotline analyze}: where do the attacks come from? */
@Command(name = "analyze", sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Read telemetry, detect attacks and attribute every source to a country and AS.",
                "",
                "Inputs are files, directories, quoted globs or - (stdin); gzip is read transparently;"
                        + " each input's format is detected from its first lines (see `hotline formats`).",
                "The report counts attacks three ways (events, distinct sources, bytes), gives the origin share"
                        + " only over sources that completed a TCP handshake, keeps spoofable and reflected traffic"
                        + " apart, and ends with the method and its caveats."},
        footer = {"", "Examples:",
                "  hotline analyze /var/log/nginx/access.log* /var/log/auth.log",
                "  hotline analyze --json eve.json conn.log > report.json",
                "  hotline analyze --html report.html --events-out events.jsonl logs/",
                "  hotline analyze --events-out - logs/ | vector --config siem.toml",
                "  zcat old.log.gz | hotline analyze --format combined -",
                "  hotline analyze --detect brute-force.failures=10 --geo-db GeoLite2-Country.mmdb auth.log",
                "  hotline analyze --follow --html live.html /var/log/nginx/access.log     # Ctrl-C reports",
                "  hotline analyze --follow --events-out - /var/log/auth.log | vector   # events as lines come",
                "  journalctl -f -o json -u ssh | hotline analyze --follow -            # Ctrl-C reports",
                "", ExitCodes.HELP})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Log files, directories, globs, or - for stdin.")
    List<String> inputs;

    @ArgGroup(exclusive = true)
    StdoutFormat stdout = new StdoutFormat();

    static final class StdoutFormat {
        @Option(names = "--json", description = "Print the report as JSON (the documented interface for scripts).")
        boolean json;
        @Option(names = "--csv", description = "Print the report as one CSV table with a section column.")
        boolean csv;

        String format() {
            return json ? "json" : csv ? "csv" : "terminal";
        }
    }

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with a world map and charts"
            + " (- for standard output, the report then on standard error).")
    Path html;

    @Option(names = "--events-out", paramLabel = "FILE",
            description = "Also write every parsed event, enriched, one JSON object per line with its file and line."
                    + " While the run lasts they go to FILE.partial, renamed FILE when the run ends: a killed run"
                    + " never leaves a truncated FILE. - writes them to standard output, as they come, and the"
                    + " report to standard error (not with --json or --csv).")
    Path eventsOut;

    @Option(names = "--materials-for", paramLabel = "CC",
            description = "Also cut materials for the partner whose jurisdiction is country CC: its attacking sources"
                    + " with counts and time ranges, evidence lines with the files' SHA-256, and the report's hash"
                    + " (for `hotline concern file --materials`).")
    String materialsFor;

    @Option(names = "--materials-out", paramLabel = "FILE",
            description = "Where --materials-for writes (default: materials-CC.json in the current directory;"
                    + " - for standard output, the report then on standard error).")
    Path materialsOut;

    @Option(names = "--follow",
            description = {"Read on as lines are written to the one input file, as `tail -F` does: through rotation"
                    + " (the log renamed away and replaced) and truncation in place; or read standard input (-) until"
                    + " it ends or following stops. The report, with every output asked for, comes when following"
                    + " stops, on Ctrl-C or SIGTERM or after --follow-for, and holds every line written before then."
                    + " A second Ctrl-C quits without a report."})
    boolean follow;

    @Option(names = "--follow-for", paramLabel = "DURATION",
            description = "Stop following after this long (e.g. 30m, 1h) and report; implies --follow.")
    String followFor;

    @Option(names = "--no-progress", description = "No progress bar (there is none anyway when stderr is not a terminal).")
    boolean noProgress;

    @Option(names = "--progress-json",
            description = {"Progress as JSON lines on stderr instead of the bar, whether or not it is a terminal: when"
                    + " each input starts, then up to four a second, and when each input is done (seconds, input,"
                    + " bytes and lines read so far, an input's error). The other messages there start with 'hotline:'.",
                    "For scripts, dashboards and benchmarks."})
    boolean progressJson;

    @Mixin
    AnalyzeOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress progress = !progressJson && !noProgress && System.console() != null ? new TerminalProgress(System.err) : null;
        PipelineListener listener = progressJson ? new JsonProgress(System.err) : progress != null ? progress : PipelineListener.NONE;
        if (inputs.contains("-") && System.console() != null) {
            // Typed at a terminal, `analyze -` otherwise waits in silence for lines that never come.
            err.println("hotline: reading log lines from standard input (the terminal); end with Ctrl-D,"
                    + " or pipe a log in: zcat access.log.gz | hotline analyze -");
            err.flush();
        }
        // Checked before anything is read: found after the analysis, a mistyped code cost the whole run
        // and came after a printed report, with exit 2 ("nothing was done").
        if (materialsFor != null) {
            MaterialsOutput.checkCountry(materialsFor);
        } else if (materialsOut != null) {
            throw new InputException("--materials-out " + materialsOut + ": give --materials-for CC too (the partner's"
                    + " country); without it no materials are cut");
        }
        Map<String, Path> named = new LinkedHashMap<>();
        named.put("--html", html);
        named.put("--events-out", eventsOut);
        named.put("--materials-out", materialsFor == null ? null : materialsFile());
        String onStdout = StandardOutput.claimant(named, stdout.format());
        // That output is written into the device from here on, and the report goes to standard error.
        html = "--html".equals(onStdout) ? StandardOutput.DEVICE : html;
        eventsOut = "--events-out".equals(onStdout) ? StandardOutput.DEVICE : eventsOut;
        materialsOut = "--materials-out".equals(onStdout) ? StandardOutput.DEVICE : materialsOut;
        Map<String, List<Path>> outputs = new LinkedHashMap<>();
        if (html != null) {
            outputs.put("--html", List.of(html));
        }
        if (eventsOut != null) {
            outputs.put("--events-out", eventsOut == StandardOutput.DEVICE ? List.of(eventsOut)
                    : List.of(eventsOut, OutputFile.partial(eventsOut)));
        }
        if (materialsFor != null) {
            outputs.put("--materials-out", List.of(materialsFile()));
        }
        Following following = following(err);
        PipelineAssembly.Analysis analysis;
        try (TrailingProgress trailing = following == null || listener == PipelineListener.NONE ? null
                : new TrailingProgress(listener)) {
            analysis = PipelineAssembly.analyze(options.request(inputs, eventsOut, outputs, Map.of()).following(following),
                    trailing == null ? listener : trailing, System.in);
        }
        if (progress != null) {
            progress.clear();
        }
        if (!stdout.format().equals("terminal")) {
            // The terminal report opens with its warnings; JSON and CSV readers need them said aloud.
            analysis.report().warnings().forEach(w -> err.println("hotline: " + w));
        }
        boolean emptyTable = stdout.format().equals("terminal") && analysis.result().nothingRead();
        if (!emptyTable) {
            ReportOutput.toStdout(analysis.report(), stdout.format(), onStdout == null ? out : err);
        }
        if (html != null) {
            ReportOutput.toFile(analysis.report(), "html", html);
            err.println("hotline: HTML report written to " + where(html));
        }
        if (eventsOut != null) {
            err.println("hotline: events written to " + where(eventsOut));
        }
        if (materialsFor != null) {
            Path file = materialsFile();
            err.println("hotline: " + MaterialsOutput.write(materialsFor, file, analysis, following));
        }
        if (progress == null && stdout.format().equals("terminal")) {
            // With a progress bar, failures were printed as they happened; with --json or --csv, with
            // the report's warnings above (each input's error is one of them).
            analysis.result().inputs().stream().filter(i -> i.error() != null)
                    .forEach(i -> err.println("hotline: " + i.error()));
        }
        if (emptyTable) {
            // A page of empty tables and caveats would bury the one line that matters (a mistyped
            // path); JSON, CSV and HTML still get their report, whose input section names the failure.
            err.println("hotline: no input could be read, so there is no report; the errors above say why");
        }
        return analysis.result().anyInputFailed() ? ExitCodes.INPUT_PROBLEM : ExitCodes.OK;
    }

    /** The follower of --follow or --follow-for, its signals taken; null without them. */
    private Following following(PrintWriter err) {
        if (!follow && followFor == null) {
            return null;
        }
        // Said before the signals are taken; a directory or glob of several files is refused once expanded.
        if (inputs.size() != 1) {
            throw new InputException("--follow reads one file, and " + inputs.size() + " inputs are given: run one hotline"
                    + " for each log to follow");
        }
        FollowStop stop;
        if (followFor != null) {
            Duration limit = Durations.parse("--follow-for", followFor);   // Main says a bad one as a usage error
            if (limit.isNegative() || limit.isZero()) {
                throw new InputException("--follow-for " + followFor + ": must be longer than nothing");
            }
            stop = FollowStop.after(limit, "--follow-for " + Durations.format(limit) + " had passed");
        } else {
            stop = FollowStop.onRequest();
        }
        StopSignals.install(stop, System.err);
        // Said once the file is open: a glob of two files or an unreadable one is refused before.
        return new Following(stop, name -> {
            err.println("hotline: following " + (name.equals("-") ? "standard input: each line as it comes;"
                    : name + ": the lines it holds, then each one written to it;")
                    + (stop.limit() == null ? "" : " for " + Durations.format(stop.limit()) + ";")
                    + " Ctrl-C or SIGTERM stops and reports");
            err.flush();
        });
    }

    private static String where(Path file) {
        return file == StandardOutput.DEVICE ? "standard output" : file.toAbsolutePath().toString();
    }

    /** Where --materials-for writes: --materials-out, else materials-CC.json in the current directory. */
    private Path materialsFile() {
        return materialsOut != null ? materialsOut : Path.of("materials-" + materialsFor.toUpperCase(java.util.Locale.ROOT) + ".json");
    }
}
