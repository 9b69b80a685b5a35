package org.hotline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.HotlineException;
import org.hotline.InputException;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.Cells;
import org.hotline.report.ReportJsonReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hotline report}: a saved JSON report shown again, in any of analyze's formats. The Flink
 * job writes its report as JSON only; this gives it the terminal table and the HTML page with the
 * map, and spares re-reading gigabytes of logs to see yesterday's run another way.
 */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show a saved JSON report again: the terminal table (default), JSON, CSV, or the HTML page with its map.",
                "",
                "The report is one that `hotline analyze --json` printed, or the Flink job's --out: the same document."
                        + " It is shown as it was made (its inputs, databases and time); nothing is analysed again."},
        footer = {"", "Examples:",
                "  hotline analyze --json logs/ > report.json",
                "  hotline report report.json",
                "  hotline report --html report.html report.json",
                "  hotline report --csv report.json > report.csv",
                "  hotline report --html report.html flink-report.json   (what the Flink job wrote with --out)",
                "", ExitCodes.HELP})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT", description = "A JSON report file, or - for standard input.")
    String input;

    @ArgGroup(exclusive = true)
    AnalyzeCommand.StdoutFormat stdout = new AnalyzeCommand.StdoutFormat();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the self-contained HTML report with a world map and charts"
            + " (- for standard output, the report then on standard error).")
    Path html;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Path> named = new LinkedHashMap<>();
        named.put("--html", html);
        String onStdout = StandardOutput.claimant(named, stdout.format());
        html = "--html".equals(onStdout) ? StandardOutput.DEVICE : html;
        if (html != null && html != StandardOutput.DEVICE) {
            // As analyze: swapped arguments (--html report.json report.html) must not replace the report.
            OutputGuard.check(List.of(), Map.of("--html", List.of(html)));
        }
        OriginReport report = read();
        if (!stdout.format().equals("terminal")) {
            // A saved report may come from anyone: its text reaches the terminal without control sequences.
            report.warnings().forEach(w -> err.println("hotline: " + Cells.clean(w)));
        }
        try {
            ReportOutput.toStdout(report, stdout.format(), onStdout == null ? out : err);
            if (html != null) {
                ReportOutput.toFile(report, "html", html);
            }
        } catch (HotlineException e) {
            throw e;
        } catch (RuntimeException e) {
            // ReportValues checks what the writers rely on; should a report from elsewhere still hold
            // something no analysis makes, that is the file's fault, and said so, not "a bug in Hotline".
            throw new InputException(input + ": the report cannot be shown (" + e + "); it holds what no analysis writes", e);
        }
        if (html != null) {
            err.println("hotline: HTML report written to " + (html == StandardOutput.DEVICE ? "standard output" : html.toAbsolutePath()));
        }
        return ExitCodes.OK;
    }

    private OriginReport read() {
        if (input.equals("-")) {
            return ReportJsonReader.read(System.in, "-");
        }
        Path file = Path.of(input);
        if (Files.isDirectory(file)) {
            throw new InputException(input + ": a directory; give the JSON report file (analyze --json > report.json writes one)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ReportJsonReader.read(in, input);
        } catch (NoSuchFileException e) {
            throw new InputException(input + ": no such file", e);
        } catch (IOException e) {
            throw new InputException(input + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
