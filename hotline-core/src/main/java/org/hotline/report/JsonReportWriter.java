package org.hotline.report;

import java.io.IOException;
import java.io.OutputStream;
import org.hotline.aggregate.OriginReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json}: the {@link OriginReport} serialised as it stands, so the record components are
 * the contract (documented on {@link OriginReport}) and their declaration order is the field order.
 * Times are ISO-8601 strings, never epoch numbers; nulls are written, so every field is always there.
 * The mapper's generator writes it (same indentation) but {@link RecordJson} walks the records: the
 * data binder's per-type set-up cost more than the writing.
 */
public final class JsonReportWriter implements ReportWriter {
    /** Thread-safe and immutable; shared with the tests that read the document back. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public void write(OriginReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            RecordJson.write(g, report);
        }
        // A trailing newline, so a shell prompt does not follow the closing brace on the same line.
        out.write('\n');
        out.flush();
    }
}
