package org.hotline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.detect.DetectorParameter;
import org.hotline.pipeline.Pipeline;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to read and how to detect: the options {@code analyze} and {@code demo} share. */
final class AnalyzeOptions {
    @Option(names = "--format", paramLabel = "NAME",
            description = "Force the input format instead of detecting it per file (see `hotline formats`).")
    String format;

    @Option(names = "--year", paramLabel = "YYYY",
            description = {"Year of a syslog file's first timestamp (they carry none); the lines after it follow on,"
                    + " into the next year after New Year.",
                    "Default: the latest year that puts the first line at or before its file's modification time."})
    Integer year;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of timestamps that carry none (syslog, Suricata without offset), and of the report's dates (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores, ${sys:hotline.cores}; at most four per core, or 8 on smaller machines).")
    Integer threads;

    @Option(names = "--lateness", paramLabel = "DURATION", defaultValue = "15m",
            description = {"How far a line's time may lie before the lines read before it and still count in its"
                    + " detector window (default: ${DEFAULT-VALUE}). Older windows are judged and dropped while"
                    + " reading, so memory follows the sources active at one time, not the length of the input.",
                    "Later lines are counted and reported. Several inputs are read oldest first where that is clear;"
                    + " inputs that overlap in time (two servers' logs of the same days, stdin beside a file) are"
                    + " read merged by time. More than 64 overlapping inputs keep every window open, as `unlimited` does."})
    String lateness;

    @Option(names = "--detectors", paramLabel = "NAME", split = ",",
            description = "Run only these detectors (default: all; see `hotline detectors`).")
    List<String> detectors = new ArrayList<>();

    @Option(names = "--detect", paramLabel = "DETECTOR.PARAM=VALUE",
            description = "Tune a detector, e.g. --detect brute-force.failures=10 --detect port-scan.window=5m.")
    List<String> detect = new ArrayList<>();

    @Mixin
    GeoOptions geo;

    static {
        System.setProperty("hotline.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    Pipeline.Settings settings() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InputException("--timezone " + timezone + ": not a time zone (use e.g. UTC, Europe/Moscow, +03:00)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int most = Math.max(8, 4 * cores);
        if (threads != null && threads > most) {
            // Each worker keeps its own detector state and block buffers: --threads 1000 on a
            // million-line log took 1.9 GB and 6.7 s instead of 240 MB and 1.7 s on this 2-core machine.
            throw new InputException("--threads " + threads + ": at most " + most + " (four per core, " + cores
                    + " here); more workers than cores only add memory");
        }
        int workers = threads == null ? cores : threads;
        if (year != null && year == 0) {
            // 0 is the settings' "infer it": typed, it would be silently ignored.
            throw new InputException("--year 0: must be between 1970 and 9999");
        }
        return new Pipeline.Settings(format, year == null ? 0 : year, zone, workers, latenessMillis());
    }

    private long latenessMillis() {
        if (lateness == null) {
            return Pipeline.DEFAULT_LATENESS_MILLIS;
        }
        if (lateness.trim().equalsIgnoreCase("unlimited")) {
            return Pipeline.UNLIMITED_LATENESS;
        }
        return LATENESS.parse("--lateness", lateness);
    }

    /** Parses and describes --lateness like a detector's durations. */
    static final DetectorParameter LATENESS = DetectorParameter.duration("lateness",
            Duration.ofMillis(Pipeline.DEFAULT_LATENESS_MILLIS), Duration.ZERO, Duration.ofDays(3650),
            "how far a line may lie before the lines read before it");

    /** @param outputs every file the run will write, by option (see {@link PipelineAssembly.Request}) */
    PipelineAssembly.Request request(List<String> inputs, Path eventsOut, Map<String, List<Path>> outputs,
                                     Map<String, String> extra) {
        return new PipelineAssembly.Request(inputs, settings(), detectors, detect, geo, eventsOut, outputs, extra);
    }
}
