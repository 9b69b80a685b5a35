package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.hotline.InputException;
import org.hotline.aggregate.OriginReport;
import org.junit.jupiter.api.Test;

/**
 * A JSON report read back is the report it was written from: equal as records, and written again
 * byte for byte the same, for a report holding every record type (RecordJsonTest's). What is not a
 * whole report of this schema is refused, saying where.
 */
class ReportJsonReaderTest {

    private static OriginReport read(String json) {
        return ReportJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json");
    }

    @Test
    void aReportReadBackIsTheReportItWasWrittenFrom() {
        OriginReport report = RecordJsonTest.richReport();
        String json = JsonReportContractTest.write(report);
        OriginReport back = read(json);
        assertThat(back).isEqualTo(report);
        assertThat(JsonReportContractTest.write(back)).isEqualTo(json);
    }

    @Test
    void notJsonIsRefusedWithWhere() {
        assertThatThrownBy(() -> read("{\n  \"schema\": \"hotline.origin-report/1\",\n  oops"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("r.json: not JSON (line 3, column");
        assertThatThrownBy(() -> read("")).isInstanceOf(InputException.class).hasMessageContaining("not a Hotline report");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(InputException.class).hasMessageContaining("not a Hotline report");
    }

    @Test
    void anotherSchemaOrNoneIsRefusedNamingBoth() {
        String json = JsonReportContractTest.write(RecordJsonTest.richReport());
        assertThatThrownBy(() -> read(json.replace("hotline.origin-report/1", "hotline.origin-report/2")))
                .isInstanceOf(InputException.class)
                .hasMessage("r.json: a report of schema \"hotline.origin-report/2\"; this Hotline reads \"hotline.origin-report/1\"");
        assertThatThrownBy(() -> read("{\"events\": {}}")).isInstanceOf(InputException.class).hasMessageContaining("no \"schema\" field");
    }

    @Test
    void aReportWithAFieldMissingOrOfTheWrongTypeIsRefusedNamingTheField() {
        String json = JsonReportContractTest.write(RecordJsonTest.richReport());
        // The run's version taken out: a report cut by hand must not be shown as whole.
        String noVersion = json.replaceFirst("\"version\" : \"[^\"]*\",", "");
        assertThat(noVersion).isNotEqualTo(json);
        assertThatThrownBy(() -> read(noVersion)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a whole report").hasMessageContaining("version");
        String textCount = json.replaceFirst("\"lines\" : (\\d+)", "\"lines\" : \"many\"");
        assertThat(textCount).isNotEqualTo(json);
        assertThatThrownBy(() -> read(textCount)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a whole report").hasMessageContaining("lines");
    }

    @Test
    void valuesNoReportHoldsAreRefusedNamingWhereNotShownOrCrashedOn() {
        // From the review: each of these gave a stack trace ("a bug in Hotline") or a page saying 250 %.
        String json = JsonReportContractTest.write(RecordJsonTest.richReport());
        assertThat(read(json)).isNotNull();
        assertRefused(json.replaceFirst("\"run\" : \\{", "\"run\" : null, \"was\" : {"), "run is null");
        assertRefused(json.replaceFirst("\"generatedAt\" : \"[^\"]+\"", "\"generatedAt\" : null"), "run.generatedAt is null");
        assertRefused(json.replaceFirst("\"sourcesPercent\" : [0-9.]+", "\"sourcesPercent\" : 250.0"), "sourcesPercent is 250.0");
        assertRefused(json.replaceFirst("\"sourcesPercent\" : [0-9.]+", "\"sourcesPercent\" : \"NaN\""), "sourcesPercent is NaN");
        assertRefused(json.replaceFirst("\"sources\" : [0-9]+", "\"sources\" : -7"), "sources is -7: a count is never negative");
        assertRefused(json.replaceFirst("\"timeZone\" : \"[^\"]+\"", "\"timeZone\" : \"Mars/Olympus\""),
                "run.timeZone is 'Mars/Olympus': no time zone");
        assertRefused(json.replaceFirst("\"firstSeen\" : \"[^\"]+\"", "\"firstSeen\" : \"-1000000000-01-01T00:00:00Z\""),
                "not a time of the years 0000 to 9999");
    }

    private static void assertRefused(String json, String why) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InputException.class).hasMessageStartingWith("r.json: not a ")
                .hasMessageContaining(why);
    }

    @Test
    void fieldsALaterVersionAddsAreLetThrough() {
        String json = JsonReportContractTest.write(RecordJsonTest.richReport());
        String more = json.replaceFirst("\\{", "{\n  \"added_later\" : {\"x\" : 1},");
        assertThat(read(more)).isEqualTo(read(json));
    }
}
