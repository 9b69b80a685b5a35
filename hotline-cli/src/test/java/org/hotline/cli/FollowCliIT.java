package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hotline analyze --follow} as an operator runs it: on a web server's access log (the bundled
 * real sample) that goes on being written, and is rotated, while Hotline reads it; stopped the way
 * a person or a service manager stops it.
 */
class FollowCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static List<String> sampleLines() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Cli.HOME.resolve("samples/logs/web/access.log.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void append(Path file, List<String> lines) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void awaitInErr(Process p, Path err, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains(text)) {
            assertThat(p.isAlive()).as("hotline is running: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("waited for '%s' on stderr", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * The log is written in three pieces around a rotation while Hotline follows it, and SIGTERM
     * comes right after the last: the report must be the one of the whole log read at once, since
     * every line was written before the stop.
     */
    @Test
    void aLogWrittenAndRotatedWhileFollowedIsReportedAsTheWholeLogReadAtOnce() throws Exception {
        List<String> lines = sampleLines();
        // The first piece well under a block (1 MiB), so the first progress line shows all of it.
        int first = lines.size() * 2 / 10;
        int second = lines.size() * 6 / 10;
        // The same path both times: evidence names its file.
        Path followed = dir.resolve("access.log");
        append(followed, lines);
        Cli.Run atOnce = Cli.run("analyze", "--json", followed.toString());
        assertThat(atOnce.exit()).as(atOnce.err()).isZero();
        Files.delete(followed);

        append(followed, lines.subList(0, first));
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Path materials = dir.resolve("materials-US.json");
        Process p = Cli.start(out, err, "analyze", "--follow", "--json", "--progress-json", "--materials-for", "US",
                "--materials-out", materials.toString(), followed.toString());
        try {
            awaitInErr(p, err, "\"linesRead\":" + first + ",");
            append(followed, lines.subList(first, second));
            // logrotate: the log renamed away, a new one under its name, written once the server reopens it.
            Files.move(followed, followed.resolveSibling("access.log.1"));
            Files.createFile(followed);
            append(followed, lines.subList(second, lines.size()));
            p.destroy();   // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }

        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).contains("hotline: SIGTERM: following stops once the lines written so far are read");
        JsonNode report = JSON.readTree(Files.readString(out));
        JsonNode expected = JSON.readTree(atOnce.out());
        assertThat(report.path("input").get(0).path("lines").asLong()).isEqualTo(lines.size());
        assertThat(report.path("events")).isEqualTo(expected.path("events"));
        assertThat(report.path("attacks")).isEqualTo(expected.path("attacks"));
        assertThat(report.path("attacks").path("total").path("attacks").asLong()).isPositive();
        assertThat(report.path("warnings").get(0).asString())
                .startsWith("input " + followed + ": followed for ")
                .contains("until SIGTERM: lines written after that are not in this report")
                .contains("replaced by a new file (rotated) at line " + String.format(java.util.Locale.ROOT, "%,d", second + 1) + ":");
        assertThat(report.path("run").path("settings").path("follow").asString()).isEqualTo("until stopped (Ctrl-C or SIGTERM)");
        // Its line numbers run on across the two files, and the name now holds only the second:
        // read back by number, they gave other requests' lines under the wrong file's hash.
        JsonNode cut = JSON.readTree(Files.readString(materials));
        assertThat(cut.path("sightings").size()).isPositive();
        assertThat(cut.path("excerpts").size()).isZero();
        assertThat(Files.readString(err)).contains("; none of the evidence lines of " + followed + ": it was rotated or"
                + " truncated while followed");
    }

    /**
     * A rotated auth log often opens with a line of another program; followed, that line comes in a
     * block of its own, and the format was told from it alone: the file was refused as unknown.
     */
    @Test
    void theFormatOfAFollowedLogIsToldFromMoreThanItsFirstLine() throws Exception {
        List<String> secure = Files.readAllLines(Cli.HOME.resolve("samples/logs/ssh/secure.log"));
        String sudo = secure.stream().filter(l -> l.contains(" sudo: ")).findFirst().orElseThrow();
        Path log = dir.resolve("secure");
        Files.createFile(log);
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process p = Cli.start(out, err, "analyze", "--follow", "--json", "--year", "2023", log.toString());
        try {
            awaitInErr(p, err, "hotline: following ");
            append(log, List.of(sudo));
            Thread.sleep(1500);   // read, alone, by now
            append(log, secure);
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();

        Cli.Run atOnce = Cli.run("analyze", "--json", "--year", "2023", log.toString());
        JsonNode report = JSON.readTree(Files.readString(out));
        JsonNode expected = JSON.readTree(atOnce.out());
        JsonNode input = report.path("input").get(0);
        assertThat(input.path("format").asString()).isEqualTo(expected.path("input").get(0).path("format").asString()).isNotEmpty();
        assertThat(input.path("lines").asLong()).isEqualTo(secure.size() + 1);
        assertThat(input.path("parsed").asLong()).isEqualTo(expected.path("input").get(0).path("parsed").asLong());
        assertThat(report.path("attacks")).isEqualTo(expected.path("attacks"));
    }

    /**
     * {@code journalctl -f -o json | hotline analyze --follow -}: SIGTERM to Hotline alone, while
     * its writer keeps standard input open, still ends the input and gives the report of every line
     * sent before it.
     */
    @Test
    void standardInputIsFollowedUntilSigtermThoughItStaysOpen() throws Exception {
        List<String> lines = sampleLines().subList(0, 3000);
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process p = Cli.start(out, err, "analyze", "--follow", "--json", "--progress-json", "-");
        try {
            awaitInErr(p, err, "hotline: following standard input: each line as it comes; Ctrl-C or SIGTERM stops and reports");
            p.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            awaitInErr(p, err, "\"linesRead\":" + lines.size() + ",");
            p.destroy();   // SIGTERM; standard input stays open
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        JsonNode report = JSON.readTree(Files.readString(out));
        assertThat(report.path("input").get(0).path("lines").asLong()).isEqualTo(lines.size());
        assertThat(report.path("warnings").get(0).asString()).matches("input -: followed for \\d+s, until SIGTERM: lines sent"
                + " after that are not in this report");
    }

    @Test
    void followForEndsTheRunByItselfWithTheReport() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, sampleLines().subList(0, 500));
        long start = System.nanoTime();
        Cli.Run run = Cli.run("analyze", "--follow-for", "2s", "--json", log.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("input").get(0).path("lines").asLong()).isEqualTo(500);
        assertThat(report.path("warnings").get(0).asString()).contains("until --follow-for 2s had passed");
        assertThat(report.path("run").path("settings").path("follow").asString()).isEqualTo("for 2s");
        assertThat(run.err()).startsWith("hotline: following " + log + ": the lines it holds, then each one written to it;"
                + " for 2s; Ctrl-C or SIGTERM stops and reports");
    }

    @Test
    void whatCannotBeFollowedIsRefusedBeforeAnythingIsRead() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, sampleLines().subList(0, 5));

        Cli.Run two = Cli.run("analyze", "--follow", log.toString(), log.toString());
        assertThat(two.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).isEqualTo("hotline: --follow reads one file, and 2 inputs are given: run one hotline for each log"
                + " to follow\n");
        Cli.Run never = Cli.run("analyze", "--follow-for", "0s", log.toString());
        assertThat(never.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(never.err()).isEqualTo("hotline: --follow-for 0s: must be longer than nothing\n");
    }
}
