package org.hotline.report;

import java.io.IOException;
import java.io.OutputStream;
import org.hotline.aggregate.OriginReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * {@code --json}: the {@link OriginReport} serialised as it stands, so the record components are
 * the contract (documented on {@link OriginReport}) and their declaration order is the field order.
 * Times are ISO-8601 strings, never epoch numbers; nulls are written, so every field is always there.
 *
 * <p>Jackson's streaming generator writes it, indented as its data binder indents, and
 * {@link RecordJson} walks the records: the binder's set-up (its mapper, then a serializer per
 * report type by introspection) cost more than the writing, on the one thread that writes after
 * the analysis. The tests hold the text to what the binder writes.
 */
public final class JsonReportWriter implements ReportWriter {
    /** Thread-safe; leaves the caller's stream open (it may be standard output). */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** What the binder's INDENT_OUTPUT gives: a fresh default pretty printer per document. */
    private static final class Indented extends ObjectWriteContext.Base {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }

    @Override
    public void write(OriginReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(new Indented(), out)) {
            RecordJson.write(g, report);
        }
        // A trailing newline, so a shell prompt does not follow the closing brace on the same line.
        out.write('\n');
        out.flush();
    }
}
