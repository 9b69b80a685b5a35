package org.hotline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.InputException;
import org.hotline.geo.DefaultDatabases;
import org.hotline.pipeline.PipelineListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hotline demo}: the first thing to run. Analyses the bundled real sample logs with the open
 * geolocation databases (those {@code geo update} installed, else the bundled ones), prints the
 * report and writes the HTML version.
 */
@Command(name = "demo", usageHelpAutoWidth = true, description = {
        "Analyse the bundled real sample logs with the open geolocation databases: those `hotline geo update` installed, else the bundled ones.",
        "The logs are web, SSH, firewall and IDS logs (see samples/README.md); the report is printed and"
                + " written to report.html. Works offline.",
        "It is `hotline analyze samples/logs --html report.html` with nothing to set up."},
        footer = {"", "Examples:",
                "  hotline demo",
                "  hotline demo --json > demo.json",
                "  hotline demo --html /tmp/demo.html --timezone Europe/Moscow",
                "", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "report.html",
            description = "Where to write the HTML report (default: ${DEFAULT-VALUE} in the current directory).")
    Path html;

    @Option(names = "--json", description = "Print the report as JSON instead of tables.")
    boolean json;

    @Mixin
    AnalyzeOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path samples = samples();
        err.println("hotline: analysing the bundled samples in " + samples + " (sources and licences: "
                + samples.getParent().resolve("README.md") + ")");
        PipelineAssembly.Analysis analysis = PipelineAssembly.analyze(
                options.request(List.of(samples.toString()), null, Map.of("--html", List.of(html)), Map.of("run", "hotline demo")),
                PipelineListener.NONE, System.in);
        ReportOutput.toStdout(analysis.report(), json ? "json" : "terminal", out);
        ReportOutput.toFile(analysis.report(), "html", html);
        err.println("hotline: HTML report with the world map written to " + html.toAbsolutePath());
        err.println("hotline: next: hotline analyze --help, or run it on your own logs");
        return analysis.result().anyInputFailed() ? ExitCodes.INPUT_PROBLEM : ExitCodes.OK;
    }

    private static Path samples() {
        String home = System.getProperty(DefaultDatabases.HOME_PROPERTY);
        if (home == null) {
            throw new InputException("the demo needs the installation directory (system property "
                    + DefaultDatabases.HOME_PROPERTY + "); run it through the ./hotline launcher");
        }
        Path samples = Path.of(home, "samples", "logs");
        if (!Files.isDirectory(samples)) {
            throw new InputException(samples + ": the bundled samples are missing from this installation");
        }
        return samples;
    }
}
