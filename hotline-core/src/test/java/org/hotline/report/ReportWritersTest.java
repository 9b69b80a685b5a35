package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hotline.InputException;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    @Test
    void everyFormatWritesTheWholeReportIncludingItsCaveats() throws IOException {
        OriginReport report = FixtureReport.build();
        assertThat(ReportWriters.all()).extracting(ReportWriters.Format::name).containsExactly("terminal", "json", "csv", "html");
        for (ReportWriters.Format f : ReportWriters.all()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportWriters.byName(f.name()).write(report, out);
            String text = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertThat(text).as(f.name()).contains("not who the attacker is")
                    .contains("2a3e609015884c93c2d398e777ce1d2d34cab026054c43559bff32b25669f606");
        }
    }

    @Test
    void anUnknownFormatIsAUserErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> ReportWriters.byName("pdf")).isInstanceOf(InputException.class)
                .hasMessage("unknown report format 'pdf'; known: terminal, json, csv, html");
    }
}
