package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JSON report is a public interface: scripts read these paths. This test reads the document
 * back as a script would (a tree, no Hotline classes) and fails on any renamed, removed or
 * retyped field the issue promises. Change it only together with {@link OriginReport#SCHEMA}.
 */
class JsonReportContractTest {
    private final String text = write(FixtureReport.build());
    private final JsonNode root = ReportJsonMapper.MAPPER.readTree(text);

    @Test
    void topLevelFieldsInTheirOrder() {
        List<String> names = new ArrayList<>();
        root.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("schema", "run", "input", "databases", "warnings", "events", "attacks", "caveats");
        assertThat(root.get("schema").asString()).isEqualTo("hotline.origin-report/1");
        assertThat(root.get("run").get("generatedAt").asString()).isEqualTo("2026-11-22T12:00:00Z");
    }

    @Test
    void inputAccountingPerFile() {
        JsonNode file = root.get("input").get(0);
        assertThat(file.get("file").asString()).isEqualTo("accesslog/apache-1000.log");
        assertThat(file.get("format").isString()).isTrue();
        for (String n : List.of("lines", "parsed", "skipped", "ignored")) {
            assertThat(file.get(n).isIntegralNumber()).as(n).isTrue();
        }
        assertThat(file.get("firstSkipped").isArray()).isTrue();
    }

    @Test
    void databasesWithProvenance() {
        JsonNode db = root.get("databases").get(0);
        for (String n : List.of("name", "layout", "buildDate", "sha256", "role", "source")) {
            assertThat(db.get(n).isString()).as(n).isTrue();
        }
        assertThat(db.get("buildDate").asString()).isEqualTo("2026-06-17");
    }

    @Test
    void eventsTotalAndByCountryAsTheIssueSpellsThem() {
        JsonNode events = root.get("events");
        assertThat(events.get("total").isIntegralNumber()).isTrue();
        assertThat(events.get("total").asLong()).isEqualTo(1034);
        boolean sawNull = false;
        for (JsonNode row : events.get("byCountry")) {
            assertThat(row.has("country")).isTrue();
            assertThat(row.get("country").isNull() || row.get("country").asString().matches("[A-Z]{2}")).isTrue();
            assertThat(row.get("events").isIntegralNumber()).isTrue();
            assertThat(row.get("sources").isIntegralNumber()).isTrue();
            assertThat(row.get("bytes").isNull() || row.get("bytes").isIntegralNumber()).isTrue();
            sawNull |= row.get("country").isNull();
        }
        assertThat(sawNull).as("unknown country is written as null, not left out").isTrue();
    }

    @Test
    void attacksBreakdownsByCountryAsnAndType() {
        JsonNode attacks = root.get("attacks");
        for (String table : List.of("total", "origin", "anonymised", "nonRoutable", "unverified", "reflected")) {
            for (String n : List.of("attacks", "events", "sources")) {
                assertThat(attacks.get(table).get(n).isIntegralNumber()).as(table + "." + n).isTrue();
            }
            assertThat(attacks.get(table).get("definition").isString()).isTrue();
        }
        JsonNode us = attacks.get("byCountry").get(0);
        assertThat(us.get("country").asString()).isEqualTo("US");
        assertThat(us.get("sourcesPercent").isNumber()).isTrue();
        assertThat(us.get("concentration").isNumber()).isTrue();
        assertThat(us.get("topAddresses").get(0).get("address").isString()).isTrue();
        assertThat(us.get("topAddresses").get(0).get("events").isIntegralNumber()).isTrue();
        assertThat(us.get("confidence").asString()).isIn("high", "medium", "low");
        assertThat(us.get("firstSeen").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode asn = attacks.get("byAsn").get(0);
        assertThat(asn.get("asn").isIntegralNumber()).isTrue();
        assertThat(asn.get("org").isString()).isTrue();
        JsonNode type = attacks.get("byType").get(0);
        assertThat(type.get("type").asString()).matches("[a-z-]+");
        assertThat(type.get("events").isIntegralNumber()).isTrue();
        assertThat(attacks.get("overTime").get("buckets").get(0).get("start").isString()).isTrue();
        assertThat(attacks.get("unverified").get("byCountry").isArray()).isTrue();
    }

    @Test
    void caveatsAndNoEpochTimestamps() {
        JsonNode caveats = root.get("caveats");
        assertThat(caveats.get("statements").isArray()).isTrue();
        assertThat(caveats.get("units").get("event").isString()).isTrue();
        assertThat(caveats.get("shares").get("tor").get("percent").isNumber()).isTrue();
        // No timestamp as a number anywhere: all times are ISO strings.
        assertThat(text).doesNotContainPattern("\"(generatedAt|firstSeen|lastSeen|start|first|last)\" : -?\\d");
    }

    /** The report as {@code --json} writes it. */
    static String write(OriginReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new JsonReportWriter().write(report, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
