package org.hotline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.hotline.flink.functions.ReportFunction;
import org.hotline.geo.DefaultDatabases;
import org.hotline.report.JsonReportWriter;
import org.hotline.report.ReportJsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs {@link AttributionJob} on Flink's MiniCluster (one task manager with two slots, parallelism
 * 2, so both the parse and the detect stage really are split) and compares its report with the
 * single-machine pipeline's on the same input and databases ({@link SingleMachine}).
 */
class AttributionJobIT {
    /** The repository: its bundled databases are the defaults, as for {@code hotline analyze}. */
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path SAMPLES = HOME.resolve("samples").resolve("logs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestJobs.cluster();

    @TempDir
    Path temp;

    @BeforeAll
    static void bundledDatabases() {
        System.setProperty(DefaultDatabases.HOME_PROPERTY, HOME.toString());
    }

    @Test
    void reportOnTheBundledSamplesIsTheSingleMachineReport() throws Exception {
        List<String> arguments = List.of(SAMPLES.toString());
        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(arguments));
        String report = runJob(arguments);
        JsonNode actual = JSON.readTree(report);
        // The report came in pieces (it is longer than one), joined by the client.
        assertThat(report.length()).isGreaterThan(ReportFunction.PIECE_CHARS);

        // Not vacuous: all four sample logs read, attacks of several kinds found and attributed.
        assertThat(expected.get("input")).hasSize(4);
        assertThat(expected.at("/attacks/total/attacks").asLong()).isGreaterThan(50);
        assertThat(expected.at("/attacks/byType")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(expected.at("/attacks/byCountry")).hasSizeGreaterThan(5);

        // What the brief names, each on its own so that a failure says which part differs ...
        assertThat(actual.at("/attacks/byType")).isEqualTo(expected.at("/attacks/byType"));
        assertThat(actual.at("/attacks/byCountry")).isEqualTo(expected.at("/attacks/byCountry"));
        assertThat(actual.at("/attacks/byAsn")).isEqualTo(expected.at("/attacks/byAsn"));
        assertThat(actual.at("/events")).isEqualTo(expected.at("/events"));
        assertThat(actual.get("input")).isEqualTo(expected.get("input"));
        // ... and then the whole document, but for when it was made and the settings it states.
        assertThat(withoutRun(actual)).isEqualTo(withoutRun(expected));
        // A whole report of the schema, which `hotline report` shows as the terminal table or the HTML
        // page: read back and written again, the same text.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new JsonReportWriter().write(ReportJsonReader.read(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
                "report.json"), again);
        assertThat(again.toString(StandardCharsets.UTF_8).strip()).isEqualTo(report.strip());
    }

    @Test
    void malformedLineIsCountedAndSkippedWithItsLineNumber() throws Exception {
        Path log = temp.resolve("access.log");
        Files.writeString(log, String.join("\n",
                "203.0.113.7 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"",
                "203.0.113.7 - - [17/May/2015:10:05:04 +0000] \"GET /about.html HTTP/1.1\" 200 733 \"-\" \"curl/8.0\"",
                "this line is no access-log line at all",
                "198.51.100.9 - - [17/May/2015:10:05:05 +0000] \"GET /etc/passwd HTTP/1.1\" 404 0 \"-\" \"curl/8.0\"",
                ""));
        JsonNode input = JSON.readTree(runJob(List.of(log.toString()))).get("input").get(0);

        assertThat(input.get("file").asString()).isEqualTo(log.toString());
        assertThat(input.get("lines").asLong()).isEqualTo(4);
        assertThat(input.get("parsed").asLong()).isEqualTo(3);
        assertThat(input.get("skipped").asLong()).isEqualTo(1);
        assertThat(input.at("/firstSkipped/0/line").asLong()).isEqualTo(3);
        assertThat(input.at("/firstSkipped/0/reason").asString()).isNotBlank();
        // and exactly as the single-machine pipeline says it, reason included
        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(List.of(log.toString()))).get("input").get(0);
        assertThat(input).isEqualTo(expected);
    }

    @Test
    void aSourceWithAttacksOfSeveralKindsIsListedAsOnOneMachine() throws Exception {
        // One source walking a word list of exploit paths: a path scan and web exploits at once, found
        // by two detectors of the subtask its requests were sent to, among twelve other sources spread
        // over both subtasks; the samples have no source with attacks of two kinds.
        Path log = temp.resolve("probes.log");
        StringBuilder lines = new StringBuilder();
        String[] paths = {"/.env", "/wp-admin/setup-config.php", "/phpmyadmin/index.php", "/cgi-bin/../../../../etc/passwd",
            "/index.php?id=1%27%20OR%20%271%27=%271", "/shell.php?cmd=cat%20/etc/passwd", "/.git/config", "/admin/config.php",
            "/solr/admin/info/system", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/HNAP1/", "/boaform/admin/formLogin"};
        for (int i = 0; i < paths.length; i++) {
            lines.append("192.0.2.66 - - [17/May/2015:10:0").append(i / 6).append(':').append(10 + i)
                    .append(" +0000] \"GET ").append(paths[i]).append(" HTTP/1.1\" 404 196 \"-\" \"Mozilla/5.0 zgrab/0.x\"\n");
            lines.append("198.51.100.").append(i + 1).append(" - - [17/May/2015:10:05:").append(10 + i)
                    .append(" +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"\n");
        }
        Files.writeString(log, lines);
        List<String> arguments = List.of(log.toString());
        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(arguments));
        JsonNode actual = JSON.readTree(runJob(arguments));

        assertThat(expected.at("/attacks/topSources/0/types")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(actual.at("/attacks/topSources")).isEqualTo(expected.at("/attacks/topSources"));
        assertThat(withoutRun(actual)).isEqualTo(withoutRun(expected));
    }

    private String runJob(List<String> inputs) throws Exception {
        List<String> args = new java.util.ArrayList<>();
        args.add("--input");
        args.addAll(inputs);
        args.addAll(List.of("--out", temp.resolve("report.json").toString()));
        return TestJobs.run(args);
    }

    private static JsonNode withoutRun(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("run");
        return copy;
    }
}
