package org.hotline.report;

import java.io.InputStream;
import org.hotline.InputException;
import org.hotline.aggregate.OriginReport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON origin report ({@code analyze --json}, the Flink job's {@code --out}) back into the
 * report it was written from, so that it can be shown again in any format ({@code hotline report}):
 * the HTML page of a report the Flink job made, a terminal table of yesterday's run.
 *
 * <p>The JSON is the records as they stand ({@link JsonReportWriter}), so the data binder maps it
 * back by the records' components. A field missing or of the wrong type is refused, naming it:
 * a report cut short or edited by hand must not be shown as if whole. Fields this version does not
 * know are let through, since the layout only adds fields within one {@link OriginReport#SCHEMA}.
 */
public final class ReportJsonReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ReportJsonReader() {}

    /**
     * @param name what to call the input in an error (its path, or "-")
     * @throws InputException if it is not a whole report of this schema, saying where and why
     */
    public static OriginReport read(InputStream in, String name) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new InputException(name + ": not JSON" + where(e) + ": " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InputException(name + ": not a Hotline report (a JSON object with \"schema\": \""
                    + OriginReport.SCHEMA + "\" is expected; analyze --json writes one)");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isString()) {
            throw new InputException(name + ": not a Hotline report: it has no \"schema\" field (analyze --json writes"
                    + " one, \"" + OriginReport.SCHEMA + "\")");
        }
        if (!OriginReport.SCHEMA.equals(schema.asString())) {
            throw new InputException(name + ": a report of schema \"" + Cells.clean(schema.asString()) + "\"; this Hotline reads \""
                    + OriginReport.SCHEMA + "\"");
        }
        OriginReport report;
        try {
            report = MAPPER.treeToValue(tree, OriginReport.class);
        } catch (JacksonException e) {
            throw new InputException(name + ": not a whole report of schema " + OriginReport.SCHEMA + ": at "
                    + e.getPathReference() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record's own check (a negative count, a missing list) refused the value.
            throw new InputException(name + ": not a whole report of schema " + OriginReport.SCHEMA + ": " + e.getMessage(), e);
        }
        String wrong = ReportValues.firstWrong(report);
        if (wrong != null) {
            throw new InputException(name + ": not a report as analyze writes one: " + wrong);
        }
        return report;
    }

    private static String where(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

}
