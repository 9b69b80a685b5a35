package org.hotline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.aggregate.OriginReport;

/** The terminal's input accounting and method-and-caveats sections. */
final class TerminalMethod {
    private TerminalMethod() {}

    static void input(StringBuilder sb, OriginReport report, int width) {
        TerminalReportWriter.title(sb, "INPUT (lines = parsed + ignored + skipped)");
        TextTable t = new TextTable().column("file", false).column("format", false).column("lines", true)
                .column("parsed", true).column("ignored", true).column("skipped", true);
        for (OriginReport.InputFile f : report.input()) {
            t.row(f.file(), f.format() == null ? "-" : f.format() + (f.formatForced() ? " (forced)" : ""),
                    Cells.count(f.lines()), Cells.count(f.parsed()), Cells.count(f.ignored()), Cells.count(f.skipped()));
        }
        if (t.isEmpty()) {
            sb.append("  (no input)\n");
        } else {
            t.render(sb, "  ", width);
        }
        for (OriginReport.InputFile f : report.input()) {
            if (f.error() != null) {
                Paragraphs.wrap(sb, f.file() + ": error: " + f.error(), "  ", "    ", width);
            }
            if (!f.firstSkipped().isEmpty()) {
                List<String> lines = new ArrayList<>();
                f.firstSkipped().forEach(s -> lines.add("line " + s.line() + ": " + s.reason()));
                Paragraphs.wrap(sb, f.file() + ": first skipped: " + String.join("; ", lines), "  ", "    ", width);
            }
            if (f.timeRule() != null) {
                Paragraphs.wrap(sb, f.file() + ": " + f.timeRule(), "  ", "    ", width);
            }
        }
        sb.append('\n');
    }

    static void caveats(StringBuilder sb, OriginReport report, int width) {
        var c = report.caveats();
        TerminalReportWriter.title(sb, "METHOD AND CAVEATS");
        c.statements().forEach(s -> Paragraphs.wrap(sb, s, "  * ", "    ", width));
        sb.append("  Units:\n");
        definitions(sb, c.units(), width);
        sb.append("  Confidence grades:\n");
        definitions(sb, c.confidenceGrades(), width);
        sb.append("  Databases:\n");
        if (report.databases().isEmpty()) {
            sb.append("    (none)\n");
        }
        for (OriginReport.Database d : report.databases()) {
            Paragraphs.wrap(sb, d.name() + " (" + d.role() + ", " + Cells.orDash(d.layout()) + "), built "
                    + Cells.orDash(d.buildDate()) + ", SHA-256 " + Cells.orDash(d.sha256()) + ", "
                    + (d.entries() == null ? "" : Cells.count(d.entries()) + " entries, ") + Cells.orDash(d.source()),
                    "    ", "      ", width);
        }
        Paragraphs.wrap(sb, "Time window: " + Cells.orDash(c.timeWindow().first()) + " to "
                + Cells.orDash(c.timeWindow().last()) + " (UTC); buckets in " + c.timeWindow().timeZone(), "  ", "    ", width);
        c.timeRules().forEach(r -> Paragraphs.wrap(sb, "Year rule, " + r.file() + ": " + r.rule(), "  ", "    ", width));
        List<String> settings = new ArrayList<>();
        report.run().settings().forEach((k, v) -> settings.add(k + "=" + v));
        Paragraphs.wrap(sb, "Settings and thresholds: " + (settings.isEmpty() ? "(defaults)" : String.join(", ", settings)),
                "  ", "    ", width);
        Paragraphs.wrap(sb, "Not measured: " + String.join("; ", c.notMeasured()) + ".", "  ", "    ", width);
    }

    private static void definitions(StringBuilder sb, Map<String, String> map, int width) {
        map.forEach((k, v) -> Paragraphs.wrap(sb, k + ": " + v, "    ", "      ", width));
    }
}
