package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hotline analyze} as a user runs it, on the bundled real samples (samples/logs, sources in
 * samples/README.md), checked through the JSON report that scripts rely on. Expected numbers come
 * from the sample files with standard tools, each command written beside its assertion.
 */
class AnalyzeCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SAMPLES = Cli.HOME.resolve("samples/logs");

    @TempDir
    Path dir;

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString(null))) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    @Test
    void progressJsonGivesOneObjectPerLineEndingWithEachInputsCount() throws Exception {
        Cli.Run run = Cli.run("analyze", "--json", "--progress-json", "--year", "2023",
                SAMPLES.resolve("ssh/secure.log").toString(), SAMPLES.resolve("web/access.log.gz").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.err().split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            } else {
                assertThat(line).startsWith("hotline: ");   // the other messages on stderr
            }
        }
        // Per input: progress lines, then one finished line with as many lines as the report counted
        // (awk 'END{print NR}' secure.log -> 1000; zcat access.log.gz | awk 'END{print NR}' -> 10000).
        JsonNode report = JSON.readTree(run.out());
        double seconds = 0;
        for (String name : List.of("ssh/secure.log", "web/access.log.gz")) {
            String file = SAMPLES.resolve(name).toString();
            List<JsonNode> mine = lines.stream().filter(n -> n.path("input").asString().equals(file)).toList();
            assertThat(mine).as(name).hasSizeGreaterThanOrEqualTo(2);
            JsonNode last = mine.get(mine.size() - 1);
            assertThat(last.path("finished").asBoolean()).isTrue();
            assertThat(last.path("linesRead").asLong()).isEqualTo(find(report.path("input"), "file", file).path("lines").asLong());
            assertThat(mine.get(0).path("inputBytes").asLong()).isEqualTo(Files.size(SAMPLES.resolve(name)));
            assertThat(mine.subList(0, mine.size() - 1)).allSatisfy(n -> assertThat(n.has("finished")).isFalse());
        }
        for (JsonNode n : lines) {
            assertThat(n.path("seconds").asDouble()).isGreaterThanOrEqualTo(seconds);
            seconds = n.path("seconds").asDouble();
        }
        assertThat(lines.get(lines.size() - 1).path("linesReadAll").asLong()).isEqualTo(11_000);
    }

    @Test
    void samplesGiveTheDocumentedJsonReport() throws Exception {
        Cli.Run run = Cli.run("analyze", "--json", "--year", "2023", SAMPLES.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("schema").asString()).isEqualTo("hotline.origin-report/1");

        // awk 'END{print NR}' on each file (zcat first for the .gz): 1182, 44, 1000, 10000 lines.
        JsonNode input = report.path("input");
        assertThat(input).hasSize(4);
        JsonNode firewall = find(input, "file", SAMPLES.resolve("firewall/iptables.log").toString());
        assertThat(firewall.path("format").asString()).isEqualTo("netfilter");
        assertThat(firewall.path("lines").asLong()).isEqualTo(1182);
        assertThat(find(input, "file", SAMPLES.resolve("ids/eve.json").toString()).path("lines").asLong()).isEqualTo(44);
        assertThat(find(input, "file", SAMPLES.resolve("ssh/secure.log").toString()).path("format").asString()).isEqualTo("sshd");
        JsonNode web = find(input, "file", SAMPLES.resolve("web/access.log.gz").toString());
        assertThat(web.path("format").asString()).isEqualTo("combined");
        assertThat(web.path("compressed").asBoolean()).isTrue();
        assertThat(web.path("parsed").asLong()).isEqualTo(10000);
        for (JsonNode f : input) {
            assertThat(f.path("skipped").asLong()).as(f.path("file").asString()).isZero();
            assertThat(f.path("lines").asLong()).isEqualTo(f.path("parsed").asLong() + f.path("ignored").asLong());
        }

        // grep -E "sshd\[[0-9]+\]: (Failed password|Invalid user)" ssh/secure.log | grep -oE "from [0-9.]+" | sort | uniq -c
        //   -> 213 202.109.143.106, 61 116.31.116.27, 78 223.99.60.46 (352 in all)
        JsonNode bruteForce = find(report.path("attacks").path("byType"), "type", "brute-force");
        assertThat(bruteForce.path("sources").asLong()).isEqualTo(3);
        assertThat(bruteForce.path("events").asLong()).isEqualTo(352);

        // mmdblookup -f <(zcat data/geo/geo-whois-asn-country.mmdb.gz) -i IP country_code: CN for all three;
        // the ASN database: 4134 for 202.109.143.106 and 116.31.116.27 (213 + 61), 24444 for 223.99.60.46 (78).
        JsonNode cn = find(report.path("attacks").path("byCountry"), "country", "CN");
        assertThat(cn.path("sources").asLong()).isEqualTo(3);
        assertThat(cn.path("events").asLong()).isEqualTo(352);
        assertThat(find(cn.path("topAsns"), "org", "Chinanet").path("events").asLong()).isEqualTo(274);
        assertThat(cn.path("topSource").asString()).isEqualTo("202.109.143.106");
        assertThat(cn.path("firstSeen").asString()).isEqualTo("2023-02-22T16:45:20Z");

        // events.byCountry: the documented shape, and its rows add up to every event with a source.
        JsonNode events = report.path("events");
        long sum = 0;
        for (JsonNode row : events.path("byCountry")) {
            assertThat(row.has("country") && row.has("events") && row.has("sources") && row.has("bytes")).as(row.toString()).isTrue();
            sum += row.path("events").asLong();
        }
        assertThat(sum).isEqualTo(events.path("withSource").asLong());
        assertThat(events.path("total").asLong()).isGreaterThanOrEqualTo(events.path("withSource").asLong());

        // databases: the bundled files, with the SHA-256 of their content.
        JsonNode country = find(report.path("databases"), "role", "country");
        assertThat(country.path("sha256").asString()).isEqualTo(sha256OfGunzipped(Cli.HOME.resolve("data/geo/geo-whois-asn-country.mmdb.gz")));
        assertThat(country.path("buildDate").asString()).isEqualTo("2026-06-17");

        assertThat(report.path("caveats").path("statements").toString()).contains("not who the attacker is");
    }

    @Test
    void materialsForAPartnerHoldItsSourcesAndCheckableEvidence() throws Exception {
        Path materials = dir.resolve("materials-cn.json");
        Cli.Run run = Cli.run("analyze", "--year", "2023", "--materials-for", "cn", "--materials-out", materials.toString(),
                SAMPLES.resolve("ssh/secure.log").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("materials for CN (3 sources");
        JsonNode m = JSON.readTree(materials.toFile());
        // grep "Failed password" ssh/secure.log | grep -oE "from [0-9.]+" | sort | uniq -c | sort -rn
        JsonNode sightings = m.path("sightings");
        assertThat(sightings).hasSize(3);
        assertThat(sightings.get(0).path("address").asString()).isEqualTo("202.109.143.106");
        assertThat(sightings.get(0).path("count").asLong()).isEqualTo(213);
        assertThat(sightings.get(0).path("asn").asLong()).isEqualTo(4134);
        assertThat(sightings.get(1).path("count").asLong()).isEqualTo(78);
        assertThat(sightings.get(2).path("count").asLong()).isEqualTo(61);
        // Each excerpt is the very line of the file (sed -n 'Np'), and the file's hash is sha256sum's.
        List<String> file = Files.readAllLines(SAMPLES.resolve("ssh/secure.log"));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SAMPLES.resolve("ssh/secure.log"))));
        assertThat(m.path("excerpts")).hasSize(9);
        for (JsonNode e : m.path("excerpts")) {
            assertThat(e.path("text").asString()).isEqualTo(file.get((int) e.path("line").asLong() - 1));
            assertThat(e.path("file_sha256").asString()).isEqualTo(digest);
        }
        assertThat(m.path("report").path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(m.path("description").asString()).contains("3 attacking source addresses located in CN");
    }

    @Test
    void badInputsAreNamedAndTheRestIsStillReported() throws Exception {
        Path good = dir.resolve("a-good.log");
        Files.writeString(good, String.join("\n",
                "203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"",
                "this is not an access log line",
                "203.0.113.9 - - [17/May/2015:10:05:04 +0000] \"GET /wp-login.php HTTP/1.1\" 404 0 \"-\" \"Mozilla/5.0\"",
                "203.0.113.9 - - [17/May/2015:10:05:05 +0000] \"GET /a HTTP/1.1\" 200 1 \"-\" \"Mozilla/5.0\"", ""));
        byte[] gz = gzip(Files.readAllBytes(good).length * 2000, Files.readAllBytes(good));
        Path truncated = Files.write(dir.resolve("b-truncated.log.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        Path binary = Files.write(dir.resolve("c-picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path prose = Files.writeString(dir.resolve("d-notes.txt"), "Dear colleagues,\nplease find attached.\n");

        Cli.Run run = Cli.run("analyze", "--json", good.toString(), truncated.toString(), binary.toString(),
                prose.toString(), dir.resolve("e-missing.log").toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(run.err())
                .contains("b-truncated.log.gz: truncated gzip data after line")
                .contains("c-picture.png: binary data")
                .contains("d-notes.txt: cannot tell the format")
                .contains("e-missing.log: no such file")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // Once each: with --json the report's warnings (an input's error is one) are all stderr gets.
        assertThat(run.err().split("e-missing.log: no such file", -1)).hasSize(2);
        JsonNode input = JSON.readTree(run.out()).path("input");
        JsonNode first = find(input, "file", good.toString());
        assertThat(first.path("parsed").asLong()).isEqualTo(3);
        assertThat(first.path("skipped").asLong()).isEqualTo(1);
        assertThat(first.path("firstSkipped").get(0).path("line").asLong()).isEqualTo(2);
        JsonNode cut = find(input, "file", truncated.toString());
        assertThat(cut.path("parsed").asLong()).as("lines before the cut still count").isPositive();
        assertThat(cut.path("error").asString()).contains("truncated gzip");
    }

    @Test
    void whenNoInputCanBeReadTheTerminalGetsTheErrorsNotAnEmptyReport() throws Exception {
        Path missing = dir.resolve("acess.log");   // a typo, the commonest case
        Path prose = Files.writeString(dir.resolve("notes.txt"), "Dear colleagues,\nplease find attached.\n");

        Cli.Run terminal = Cli.run("analyze", missing.toString(), prose.toString());

        assertThat(terminal.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(terminal.out()).isEmpty();
        assertThat(terminal.err()).contains("acess.log: no such file").contains("notes.txt: cannot tell the format")
                .contains("no input could be read, so there is no report");

        // Scripts still get the report, whose input section names each failure.
        Cli.Run json = Cli.run("analyze", "--json", missing.toString(), prose.toString());
        assertThat(json.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(find(JSON.readTree(json.out()).path("input"), "file", missing.toString()).path("error").asString())
                .contains("no such file");
        assertThat(json.err()).doesNotContain("there is no report");

        // One readable input, even one with nothing in it, is a run to report on.
        Path empty = Files.writeString(dir.resolve("empty.log"), "");
        Cli.Run partly = Cli.run("analyze", missing.toString(), empty.toString());
        assertThat(partly.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(partly.out()).contains("INPUT (lines").contains("acess.log");
    }

    /**
     * A full disk is said, with the output named, and exit code 74: the report on standard output
     * and the HTML report said nothing and exited 0, --events-out was an "internal error" with a
     * stack trace, and --html moved its file onto /dev/full (as root, replacing the device).
     */
    @Test
    void anOutputThatCannotBeWrittenIsNamedAndTheDeviceStays() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "needs /dev/full");
        String samples = SAMPLES.toString();

        Cli.Run stdout = Cli.runWithStdout(full, "analyze", "--json", samples);
        Cli.Run html = Cli.run("analyze", "--html", full.toString(), samples);
        Cli.Run events = Cli.run("analyze", "--events-out", full.toString(), samples);
        Cli.Run materials = Cli.run("analyze", "--materials-for", "CN", "--materials-out", full.toString(), samples);
        Cli.Run formats = Cli.runWithStdout(full, "formats");   // any command's output

        assertThat(stdout.err()).contains("the json report could not be written in full to standard output");
        assertThat(html.err()).contains("/dev/full: cannot write the html report (No space left on device)");
        assertThat(events.err()).contains("cannot write --events-out /dev/full: No space left on device");
        assertThat(materials.err()).contains("/dev/full: cannot write the materials (No space left on device)");
        assertThat(formats.err()).contains("the output could not be written in full to standard output");
        for (Cli.Run run : List.of(stdout, html, events, materials, formats)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_PROBLEM);
            assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("written to");
        }
        assertThat(Files.isRegularFile(full)).as("/dev/full is still a device").isFalse();
    }

    /**
     * --html /dev/stdout, with standard output going to a file: the HTML goes into that file, and the
     * report to standard error. It was moved onto the file, replacing it (and a JSON report printed
     * there before); later, the JSON and the HTML shared the file, which no reader could split, so a
     * JSON report beside it is now refused and the file left as it was.
     */
    @Test
    void theHtmlReportCanGoToStandardOutputWithTheReportOnStderr() throws Exception {
        Path stdout = Path.of("/dev/stdout");
        assumeTrue(Files.isSymbolicLink(stdout), "needs /dev/stdout");
        Path file = dir.resolve("stdout.html");

        Cli.Run run = Cli.runWithStdout(file, "analyze", "--html", stdout.toString(), SAMPLES.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(run.err()).contains("METHOD AND CAVEATS").contains("HTML report written to standard output");
        assertThat(Files.isSymbolicLink(stdout)).isTrue();

        Cli.Run json = Cli.runWithStdout(file, "analyze", "--json", "--html", stdout.toString(), SAMPLES.toString());
        assertThat(json.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.err()).contains("--html /dev/stdout: names standard output, where the --json report goes");
        assertThat(Files.size(file)).isZero();   // truncated by the redirection alone
    }

    /** A link to the report's place stays a link, and the file it leads to gets the report. */
    @Test
    void theHtmlReportGoesWhereALinkLeads() throws Exception {
        Path real = Files.writeString(dir.resolve("real.html"), "<!DOCTYPE html><p>last week's report</p>");
        Path link = Files.createSymbolicLink(dir.resolve("latest.html"), real.getFileName());

        Cli.Run run = Cli.run("analyze", "--html", link.toString(), SAMPLES.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("<!DOCTYPE html>");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real.html", "latest.html");
        }
    }

    /** A file given twice (its directory, then itself) is read once: twice, every event counted double. */
    @Test
    void aFileGivenTwiceIsReadOnceAndTheReportSaysSo() throws Exception {
        Path ssh = SAMPLES.resolve("ssh");
        Path secure = ssh.resolve("secure.log");

        JsonNode once = JSON.readTree(Cli.run("analyze", "--json", secure.toString()).out());
        Cli.Run twice = Cli.run("analyze", "--json", ssh.toString(), secure.toString());

        assertThat(twice.exit()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(twice.out());
        assertThat(report.path("input")).hasSize(1);
        assertThat(report.path("events").path("total").asLong()).isEqualTo(once.path("events").path("total").asLong()).isPositive();
        assertThat(report.path("attacks").path("total").path("events").asLong())
                .isEqualTo(once.path("attacks").path("total").path("events").asLong());
        assertThat(report.path("warnings").toString()).contains(secure + " is given more than once: read once");
        assertThat(twice.err()).contains(secure + " is given more than once: read once");
    }

    @Test
    void progressJsonGivesAFailedInputsError() throws Exception {
        byte[] line = "203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] gz = gzip(2000, line);
        Path truncated = Files.write(dir.resolve("truncated.log.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

        Path missing = dir.resolve("missing.log");

        Cli.Run run = Cli.run("analyze", "--json", "--progress-json", truncated.toString(), missing.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        List<JsonNode> json = new ArrayList<>();
        for (String progress : run.err().lines().filter(l -> l.startsWith("{")).toList()) {
            json.add(JSON.readTree(progress));
        }
        for (Path input : List.of(truncated, missing)) {
            List<JsonNode> mine = json.stream().filter(n -> n.path("input").asString().equals(input.toString())).toList();
            JsonNode last = mine.get(mine.size() - 1);
            assertThat(last.path("finished").asBoolean()).isTrue();
            assertThat(last.path("error").asString()).contains(input == truncated ? "truncated gzip data after line" : "no such file");
            // Said for people too, once, among the report's warnings (an error names its input first).
            assertThat(run.err()).contains("hotline: input " + last.path("error").asString());
        }
        assertThat(run.err()).doesNotContain("internal error");
    }

    @Test
    void badOptionsAreUsageErrorsBeforeAnythingIsRead() throws Exception {
        Cli.Run zero = Cli.run("analyze", "--detect", "brute-force.failures=0", SAMPLES.toString());
        assertThat(zero.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("brute-force.failures=0: must be").doesNotContain("\tat ");
        assertThat(zero.out()).isEmpty();

        Cli.Run threads = Cli.run("analyze", "--threads", "1000", SAMPLES.toString());
        assertThat(threads.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(threads.err()).contains("--threads 1000: at most").contains("four per core");
        assertThat(threads.out()).isEmpty();

        Cli.Run format = Cli.run("analyze", "--format", "syslogz", SAMPLES.toString());
        assertThat(format.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("unknown format 'syslogz'; known: common, combined");

        Cli.Run db = Cli.run("analyze", "--geo-db", dir.resolve("nope.mmdb").toString(), SAMPLES.toString());
        assertThat(db.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(db.err()).contains("nope.mmdb");

        // 0 stands for "infer the year" inside; typed, it was silently ignored.
        Cli.Run year = Cli.run("analyze", "--year", "0", SAMPLES.toString());
        assertThat(year.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(year.err()).contains("--year 0: must be between 1970 and 9999");
        assertThat(year.out()).isEmpty();

        // These two were found only after the whole analysis, the report already printed.
        Cli.Run country = Cli.run("analyze", "--json", "--materials-for", "USA", SAMPLES.toString());
        assertThat(country.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(country.err()).contains("--materials-for USA: give a two-letter ISO 3166 country code");
        assertThat(country.out()).isEmpty();
        Path materials = dir.resolve("m.json");
        Cli.Run alone = Cli.run("analyze", "--materials-out", materials.toString(), SAMPLES.toString());
        assertThat(alone.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("give --materials-for CC too");
        assertThat(alone.out()).isEmpty();
        assertThat(materials).doesNotExist();
    }

    @Test
    void readsGzipFromStdinAndWritesEventsAndHtml() throws Exception {
        byte[] gz = Files.readAllBytes(SAMPLES.resolve("web/access.log.gz"));
        Path events = dir.resolve("events.jsonl");
        Path html = dir.resolve("report.html");
        Cli.Run run = Cli.run(gz, "analyze", "--csv", "--events-out", events.toString(), "--html", html.toString(), "-");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("section,");

        // zcat samples/logs/web/access.log.gz | wc -l -> 10000 events, one JSON line each, in input order.
        List<String> lines = Files.readAllLines(events);
        assertThat(lines).hasSize(10000);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("file").asString()).isEqualTo("-");
        assertThat(first.path("line").asLong()).isEqualTo(1);
        // head -1: 83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /presentations/... 200 203023
        assertThat(first.path("source").asString()).isEqualTo("83.149.9.216");
        assertThat(first.path("bytes").asLong()).isEqualTo(203023);
        assertThat(first.path("origin").path("country").asString()).isEqualTo("RU");
        assertThat(JSON.readTree(lines.get(9999)).path("line").asLong()).isEqualTo(10000);

        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("db-ip.com");
    }

    /**
     * {@code --events-out -} streams the events to standard output, as inputs take {@code -} for
     * standard input, and the report goes to standard error: it used to write a file named "-" in
     * the current directory, and {@code /dev/stdout} put events and report into one stream. Beside
     * a JSON report, which scripts read from standard output, or another output on it, the run is
     * refused before anything is read.
     */
    @Test
    void eventsOutDashStreamsTheEventsToStdoutAndTheReportToStderr() throws Exception {
        Path web = SAMPLES.resolve("web/access.log.gz");
        Cli.Run run = Cli.run("analyze", "--events-out", "-", web.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // zcat samples/logs/web/access.log.gz | wc -l -> 10000 lines, each an event, in input order.
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(10000);
        assertThat(JSON.readTree(lines.get(0)).path("source").asString()).isEqualTo("83.149.9.216");
        assertThat(JSON.readTree(lines.get(9999)).path("line").asLong()).isEqualTo(10000);
        assertThat(run.err()).contains("origin report, generated").contains("METHOD AND CAVEATS")
                .contains("hotline: events written to standard output");
        assertThat(Cli.MODULE.resolve("target/-")).doesNotExist();

        // Standard output redirected to the file named for the events: the same stream, so the same rule.
        Path redirected = dir.resolve("events.jsonl");
        Cli.Run same = Cli.runWithStdout(redirected, "analyze", "--events-out", redirected.toString(), web.toString());
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(Files.readAllLines(redirected)).hasSize(10000).allMatch(l -> l.startsWith("{\"time\":"));
        assertThat(same.err()).contains("METHOD AND CAVEATS");

        // A reader that stops early (`| head -1`): the run stops with the output named, no stack trace.
        Process early = Cli.startPiped("analyze", "--events-out", "-", web.toString());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(early.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).startsWith("{\"time\":");
        }
        assertThat(early.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String earlyErr = new String(early.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(early.exitValue()).as(earlyErr).isEqualTo(ExitCodes.OUTPUT_PROBLEM);
        assertThat(earlyErr).contains("hotline: cannot write --events-out - (standard output): Broken pipe")
                .doesNotContain("\tat ");

        Cli.Run json = Cli.run("analyze", "--json", "--events-out", "-", web.toString());
        assertThat(json.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).contains("--events-out -: names standard output, where the --json report goes");

        Cli.Run two = Cli.run("analyze", "--html", "/dev/stdout", "--events-out", "-", web.toString());
        assertThat(two.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("--html /dev/stdout and --events-out -: both name standard output");
    }

    /** An events file from an earlier run (one line of it). */
    private static final String EARLIER_EVENTS = "{\"time\":\"2026-01-01T00:00:00Z\",\"source\":\"192.0.2.1\"}\n";

    /**
     * Events are written beside the file, as NAME.partial, and take its name when the run ends: a
     * killed run used to leave a truncated file under the real name, which looked complete to
     * whoever read it next (and had replaced the previous run's file).
     */
    @Test
    void aKilledRunLeavesItsEventsAsPartialAndTheEarlierFileAsItWas() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path partial = dir.resolve("events.jsonl.partial");
        Files.writeString(events, EARLIER_EVENTS);
        // zcat access.log.gz is 2.4 MB: two whole 1 MB blocks get parsed and written while the
        // input stays open, so the run is stopped midway, as a kill during a long run would.
        byte[] text;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve("web/access.log.gz")))) {
            text = in.readAllBytes();
        }
        Process p = Cli.start(dir.resolve("out.txt"), dir.resolve("err.txt"), "analyze", "--events-out", events.toString(), "-");
        try {
            p.getOutputStream().write(text);
            p.getOutputStream().flush();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(Files.exists(partial) && Files.size(partial) > 0) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(p.isAlive()).as("still waiting for the rest of its input").isTrue();
            assertThat(Files.size(partial)).as("events written so far").isPositive();
        } finally {
            p.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no cleanup
        }

        assertThat(Files.readString(events)).isEqualTo(EARLIER_EVENTS);
        List<String> written = Files.readAllLines(partial);
        assertThat(written.size()).isBetween(1, 9999);
        assertThat(JSON.readTree(written.get(0)).path("line").asLong()).isEqualTo(1);
    }

    /** A run that fails after the events file was opened deletes its partial file and keeps the earlier one. */
    @Test
    void aFailedRunKeepsTheEarlierEventsFileAndLeavesNoPartial() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, EARLIER_EVENTS);
        Path corrupt = dir.resolve("corrupt.mmdb");
        Files.write(corrupt, new byte[4096]);

        Cli.Run run = Cli.run("analyze", "--geo-db", corrupt.toString(), "--events-out", events.toString(), SAMPLES.toString());

        assertThat(run.exit()).as(run.err()).isNotZero();
        assertThat(run.err()).contains("corrupt.mmdb").doesNotContain("\tat ");
        assertThat(Files.readString(events)).isEqualTo(EARLIER_EVENTS);
        assertThat(dir.resolve("events.jsonl.partial")).doesNotExist();
    }

    /**
     * An output never replaces a file the user meant to keep. Arguments swapped
     * ({@code --html access.log report.html}) replaced the log with the HTML report although nothing
     * could be read; an output that is also an input replaced what it was made from.
     */
    @Test
    void anOutputDoesNotReplaceALogOrAnInput() throws Exception {
        Path log = dir.resolve("access.log");
        Files.copy(SAMPLES.resolve("ssh/secure.log"), log);
        byte[] before = Files.readAllBytes(log);

        Cli.Run swapped = Cli.run("analyze", "--html", log.toString(), dir.resolve("report.html").toString());
        assertThat(swapped.exit()).as(swapped.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(swapped.err()).contains("--html " + log + ": exists and is not an HTML report (it starts 'Feb 22 16:45:20")
                .contains("nothing was read or written");

        Path eve = Files.copy(SAMPLES.resolve("ids/eve.json"), dir.resolve("eve.json"));
        Cli.Run jsonLog = Cli.run("analyze", "--events-out", eve.toString(), log.toString());
        assertThat(jsonLog.exit()).as(jsonLog.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(jsonLog.err()).contains("--events-out " + eve + ": exists and is not an events file (it starts '{\"timestamp\"");
        assertThat(Files.mismatch(eve, SAMPLES.resolve("ids/eve.json"))).isEqualTo(-1);
        // Any JSON passed for materials before: the EVE log was replaced by them.
        Cli.Run materialsOnLog = Cli.run("analyze", "--materials-for", "CN", "--materials-out", eve.toString(), SAMPLES.toString());
        assertThat(materialsOnLog.exit()).as(materialsOnLog.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(materialsOnLog.err()).contains("--materials-out " + eve + ": exists and is not materials (it starts '{\"timestamp\"");
        assertThat(Files.mismatch(eve, SAMPLES.resolve("ids/eve.json"))).isEqualTo(-1);
        Files.delete(eve);
        // Materials of an earlier run are replaced: they are indented, and start with the grouping's id.
        Path materials = dir.resolve("materials-CN.json");
        for (int run = 1; run <= 2; run++) {
            Cli.Run cut = Cli.run("analyze", "--materials-for", "CN", "--materials-out", materials.toString(), SAMPLES.toString());
            assertThat(cut.exit()).as("run %d: %s", run, cut.err()).isZero();
            assertThat(Files.readString(materials)).startsWith("{\n  \"id\" : \"grouping--");
        }
        Files.delete(materials);

        Path both = dir.resolve("both.out");
        Cli.Run twice = Cli.run("analyze", "--html", both.toString(), "--events-out", both.toString(), log.toString());
        assertThat(twice.exit()).as(twice.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("--events-out " + both + ": is also the file of --html");
        assertThat(both).doesNotExist();

        Cli.Run directory = Cli.run("analyze", "--html", dir.toString(), log.toString());
        assertThat(directory.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("--html " + dir + ": is a directory; give a file name");

        Path link = Files.createSymbolicLink(dir.resolve("link.json"), log);
        Cli.Run input = Cli.run("analyze", "--materials-for", "CN", "--materials-out", link.toString(), log.toString());
        assertThat(input.exit()).as(input.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(input.err()).contains("--materials-out " + link + ": is one of the inputs (" + log + ")");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        // Into the directory being analysed: the events file, written there while the run lasts, is no input.
        Cli.Run events = Cli.run("analyze", "--json", "--events-out", dir.resolve("events.jsonl").toString(), dir.toString());
        assertThat(events.exit()).as(events.err()).isZero();
        List<String> read = new ArrayList<>();
        JSON.readTree(events.out()).path("input").forEach(f -> read.add(f.path("file").asString()));
        assertThat(read).containsExactly(log.toString());   // the link is the same file, read once
    }

    /** `geo lookup -`: addresses from a pipe, in order; a line that is not one is named and skipped (exit 1). */
    @Test
    void geoLookupReadsAddressesFromStandardInput() throws Exception {
        byte[] in = "83.149.9.216\n\nnot-an-address\n  223.99.60.46  \n2001:4860:4860::8888\n10.1.2.3\n"
                .getBytes(StandardCharsets.UTF_8);

        Cli.Run run = Cli.run(in, "geo", "lookup", "--json", "-");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(run.err()).contains("-: line 3: not an IP address: 'not-an-address'; skipped");
        // mmdblookup -f <(zcat data/geo/geo-whois-asn-country.mmdb.gz) -i IP country_code, and the same
        // on asn.mmdb.gz for autonomous_system_number: RU 31133, CN 24444, US 15169; 10/8 is private.
        JsonNode rows = JSON.readTree(run.out());
        assertThat(rows.size()).isEqualTo(4);
        List<String> found = new ArrayList<>();
        rows.forEach(r -> found.add(r.path("address").asString() + " " + r.path("country").asString("-") + " "
                + (r.path("asn").isNull() ? "-" : r.path("asn").asLong())));
        assertThat(found).containsExactly("83.149.9.216 RU 31133", "223.99.60.46 CN 24444",
                "2001:4860:4860::8888 US 15169", "10.1.2.3 - -");
        assertThat(rows.get(3).path("flags").toString()).contains("non-routable");

        Cli.Run argument = Cli.run("geo", "lookup", "8.8.8.8", "not-an-address");
        assertThat(argument.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(argument.out()).isEmpty();
    }

    /**
     * A syslog file whose first lines are sshd's is read as an sshd log, and the kernel's packet-log
     * lines further down were ignored without a word: the report now says how many and how to read
     * them (the bundled secure log, 1,000 lines, then the bundled iptables log, 1,182 packet lines).
     */
    @Test
    void packetLinesInWhatWasReadAsAnSshdLogAreNamedWithTheFormatThatReadsThem() throws Exception {
        Path both = dir.resolve("messages");
        Files.write(both, Files.readAllBytes(SAMPLES.resolve("ssh/secure.log")));
        Files.write(both, Files.readAllBytes(SAMPLES.resolve("firewall/iptables.log")), java.nio.file.StandardOpenOption.APPEND);

        Cli.Run run = Cli.run("analyze", "--json", "--year", "2023", both.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/input/0/format").asString()).isEqualTo("sshd");
        assertThat(report.get("warnings").toString()).contains("input " + both + ": 1182 of its 2182 lines were left aside as not"
                + " sshd lines, though they are netfilter lines (a file both programs write): --format syslog reads both");

        Cli.Run mixed = Cli.run("analyze", "--json", "--year", "2023", "--format", "syslog", both.toString());
        JsonNode all = JSON.readTree(mixed.out());
        assertThat(all.get("warnings").toString()).doesNotContain("left aside");
        assertThat(all.at("/input/0/parsed").asLong()).isEqualTo(report.at("/input/0/parsed").asLong() + 1182);
    }

    @Test
    void linesOutOfTimeOrderAreCountedAndWarnedAbout() throws Exception {
        // The real web sample with its second half first: lines 5,001-10,000 (18-20 May 2015), then
        // lines 1-5,000 (17-18 May), each of which is more than 15 minutes older than the newest line
        // before it (the cut falls on 18 May; `sed -n 5001p` and `sed -n 10000p` show the times).
        List<String> lines;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve("web/access.log.gz")))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> swapped = new ArrayList<>(lines.subList(5_000, lines.size()));
        swapped.addAll(lines.subList(0, 5_000));
        Path log = Files.write(dir.resolve("access-swapped.log"), swapped);

        Cli.Run late = Cli.run("analyze", "--json", "--threads", "1", log.toString());
        assertThat(late.exit()).as(late.err()).isZero();
        JsonNode report = JSON.readTree(late.out());
        assertThat(report.path("run").path("settings").path("lateness").asString()).isEqualTo("15m");
        assertThat(report.path("warnings").toString())
                .contains("5000 events were more than 15m older than lines read before them");

        Cli.Run unlimited = Cli.run("analyze", "--json", "--lateness", "unlimited", log.toString());
        assertThat(unlimited.exit()).as(unlimited.err()).isZero();
        JsonNode all = JSON.readTree(unlimited.out());
        assertThat(all.path("run").path("settings").path("lateness").asString()).isEqualTo("unlimited");
        assertThat(all.path("warnings").toString()).doesNotContain("older than lines read before them");

        Cli.Run bad = Cli.run("analyze", "--lateness", "soon", log.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--lateness=soon: not a duration").doesNotContain("\tat ");
    }

    private static byte[] gzip(int size, byte[] unit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            for (int written = 0; written < size; written += unit.length) {
                out.write(unit);
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256OfGunzipped(Path gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
