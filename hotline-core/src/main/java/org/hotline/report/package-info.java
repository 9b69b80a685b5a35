/**
 * Report formats: the {@link org.hotline.report.ReportWriter} seam and the built-ins listed in
 * {@link org.hotline.report.ReportWriters} (terminal, JSON, CSV, HTML), plus
 * {@link org.hotline.report.EventsOutWriter} for {@code --events-out}. Every writer renders the same
 * {@link org.hotline.aggregate.OriginReport}, caveats included, and escapes log text for its format
 * (control characters for the terminal, markup for HTML, formulas for CSV).
 */
package org.hotline.report;
