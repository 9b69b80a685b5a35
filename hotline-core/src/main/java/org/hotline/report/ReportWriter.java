package org.hotline.report;

import java.io.IOException;
import java.io.OutputStream;
import org.hotline.aggregate.OriginReport;

/**
 * Renders an {@link OriginReport} in one format. Obligations of implementers: write the whole
 * report, caveats included (no format may drop the method section); write UTF-8; flush but never
 * close {@code out} (it may be standard output); and treat every string from the logs (targets,
 * signatures, addresses' names) as hostile text to be escaped for the format.
 */
@FunctionalInterface
public interface ReportWriter {

    void write(OriginReport report, OutputStream out) throws IOException;
}
