package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {
    /** A target as hostile as a Host header can make it: comma, quotes, a line break, and a formula. */
    static final String NASTY = "=HYPERLINK(\"http://x\",\"click\"),\r\nsecond line";

    @Test
    void everyRecordHasTheHeadersFieldsAndSectionsMatchTheReport() throws IOException {
        OriginReport report = FixtureReport.build();
        List<List<String>> rows = parse(write(report));
        assertThat(rows.get(0)).isEqualTo(CsvReportWriter.HEADER);
        assertThat(rows).allMatch(r -> r.size() == CsvReportWriter.HEADER.size());
        assertThat(rows.stream().filter(r -> r.get(0).equals("attacks.byCountry"))).hasSize(report.attacks().byCountry().size());
        assertThat(rows.stream().filter(r -> r.get(0).equals("events.byCountry"))).hasSize(report.events().byCountry().size());
        assertThat(rows.stream().filter(r -> r.get(0).equals("caveat"))).hasSize(report.caveats().statements().size());
        List<String> us = rows.stream().filter(r -> r.get(0).equals("attacks.byCountry") && r.get(1).equals("US")).findFirst().orElseThrow();
        assertThat(us.get(CsvReportWriter.HEADER.indexOf("sources"))).isEqualTo("7");
        assertThat(us.get(CsvReportWriter.HEADER.indexOf("sources_percent"))).isEqualTo("50.0");
        // An unknown country is an empty key, and an unknown size an empty cell, never 0.
        assertThat(rows).anyMatch(r -> r.get(0).equals("events.byCountry") && r.get(1).isEmpty());
    }

    @Test
    void quotesPerRfc4180AndDefusesFormulas() throws IOException {
        Attack hostile = new Attack(AttackType.WEB_EXPLOIT, "probe", IpAddress.parse("83.149.9.216"), NASTY,
                1431857103000L, 1431857103000L, 1, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 1)));
        String csv = write(OriginReportBuilder.build(FixtureReport.input(List.of(hostile))));
        assertThat(csv).contains("attacks.byTarget,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\"),\r\nsecond line\",,1,1,1,");
        List<List<String>> rows = parse(csv);
        assertThat(rows).anyMatch(r -> r.get(0).equals("attacks.byTarget") && r.get(1).equals("'" + NASTY));
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void fieldsNeedingNoQuotesAreLeftBare() {
        assertThat(CsvTable.field("http www.example.org")).isEqualTo("http www.example.org");
        assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvTable.field("-1")).isEqualTo("'-1");
        assertThat(CsvTable.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.field("red \u001b[31m\u202e")).as("no terminal control").isEqualTo("red ?[31m?");
    }

    static String write(OriginReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 reader: records end with CRLF outside quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("trailing data after the last CRLF").isEmpty();
        return rows;
    }
}
