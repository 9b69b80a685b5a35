package org.hotline.report;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson's data binder set up as the JSON report is written (indented, ISO times): the reference
 * {@link JsonReportWriter}'s text is held to, and what the tests read documents back with.
 */
final class ReportJsonMapper {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportJsonMapper() {}
}
