package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline report} on what {@code analyze --json} wrote over the bundled samples: the same
 * report again, in every format, as the analysis itself gave it.
 */
class ReportCliIT {
    private static final Path SAMPLES = Cli.HOME.resolve("samples/logs");

    @TempDir
    Path dir;

    @Test
    void aSavedReportIsShownAgainAsTheAnalysisGaveItInEveryFormat() throws Exception {
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("analyze.html");
        Cli.Run analyzed = Cli.runWithStdout(json, "analyze", "--json", "--year", "2023", "--html", html.toString(), SAMPLES.toString());
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();

        Cli.Run again = Cli.run("report", "--json", json.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(Files.readString(json));

        Path html2 = dir.resolve("report.html");
        Cli.Run page = Cli.run("report", "--html", html2.toString(), json.toString());
        assertThat(page.exit()).as(page.err()).isZero();
        assertThat(page.err()).contains("HTML report written to " + html2);
        assertThat(Files.readString(html2)).isEqualTo(Files.readString(html));

        // The terminal table, read from standard input: the samples' 93 attacks and its method section.
        Cli.Run table = Cli.run(Files.readAllBytes(json), "report", "-");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("METHOD AND CAVEATS", "93");
        Cli.Run csv = Cli.run("report", "--csv", json.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("section,"));
    }

    @Test
    void whatIsNotASavedReportIsRefusedSayingWhy() throws Exception {
        Cli.Run missing = Cli.run("report", dir.resolve("nowhere.json").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).isEqualTo("hotline: " + dir.resolve("nowhere.json") + ": no such file\n");

        Path log = SAMPLES.resolve("ssh/secure.log");
        Cli.Run notJson = Cli.run("report", log.toString());
        assertThat(notJson.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notJson.err()).startsWith("hotline: " + log + ": not JSON (line 1, column").doesNotContain("\tat ");

        Cli.Run directory = Cli.run("report", SAMPLES.toString());
        assertThat(directory.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("a directory");

        // Swapped arguments: the HTML page must not replace the report it is made from.
        Path saved = Files.writeString(dir.resolve("saved.json"), "{\"schema\": \"hotline.origin-report/1\"}");
        Cli.Run swapped = Cli.run("report", "--html", saved.toString(), saved.toString());
        assertThat(swapped.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(swapped.err()).contains("--html " + saved + ": exists and is not");
        assertThat(Files.readString(saved)).startsWith("{");

        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"schema\": \"hotline.origin-report/1\", \"run\": null}",
                StandardCharsets.UTF_8);
        Cli.Run partial = Cli.run("report", cut.toString());
        assertThat(partial.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(partial.err()).contains("not a whole report").doesNotContain("\tat ");
    }
}
