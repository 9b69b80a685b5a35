package org.hotline.report.html;

import java.io.OutputStream;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.ReportWriter;

public final class HtmlReportWriter implements ReportWriter {
    @Override
    public void write(OriginReport report, OutputStream out) {
        throw new UnsupportedOperationException("in progress");
    }
}
