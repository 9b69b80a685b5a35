package org.hotline.report.html;

import java.util.Map;
import org.hotline.aggregate.Caveats;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.Cells;

/** The HTML report's input accounting, method and caveats, and attributions. */
final class HtmlMethod {
    private HtmlMethod() {}

    static void input(StringBuilder sb, OriginReport report) {
        sb.append("<section id=\"input\"><h2>Input accounting</h2>\n<p class=\"note\">For every input, lines read ="
                + " parsed + ignored (well-formed, not events) + skipped (malformed).</p>\n");
        HtmlTable t = new HtmlTable().column("file", false).column("format", false).column("lines", true)
                .column("parsed", true).column("ignored", true).column("skipped", true).column("first skipped lines", false)
                .column("year rule", false).column("error", false);
        for (OriginReport.InputFile f : report.input()) {
            t.row(f.file(), f.format() == null ? "-" : f.format() + (f.formatForced() ? " (forced)" : " (detected)"),
                    Cells.count(f.lines()), Cells.count(f.parsed()), Cells.count(f.ignored()), Cells.count(f.skipped()),
                    String.join("; ", f.firstSkipped().stream().map(s -> "line " + s.line() + ": " + s.reason()).toList()),
                    Cells.orDash(f.timeRule()), Cells.orDash(f.error()));
        }
        t.render(sb);
        sb.append("</section>\n");
    }

    static void caveats(StringBuilder sb, OriginReport report) {
        Caveats c = report.caveats();
        sb.append("<section id=\"method\"><h2>Method and caveats</h2>\n<ul>\n");
        c.statements().forEach(s -> sb.append("<li>").append(Html.esc(s)).append("</li>\n"));
        sb.append("</ul>\n<h3>Units</h3>\n");
        definitions(sb, c.units());
        sb.append("<h3>Confidence grades</h3>\n");
        definitions(sb, c.confidenceGrades());
        sb.append("<h3>Databases</h3>\n");
        HtmlTable t = new HtmlTable().column("name", false).column("role", false).column("layout", false)
                .column("built", false).column("SHA-256", false).column("entries", true);
        report.databases().forEach(d -> t.row(d.name(), d.role(), Cells.orDash(d.layout()), Cells.orDash(d.buildDate()),
                Cells.orDash(d.sha256()), d.entries() == null ? "-" : Cells.count(d.entries())));
        t.render(sb);
        sb.append("<h3>Scope</h3>\n<p>Time window: ").append(Html.esc(Cells.orDash(c.timeWindow().first()))).append(" to ")
                .append(Html.esc(Cells.orDash(c.timeWindow().last()))).append(" (UTC); buckets in ")
                .append(Html.esc(c.timeWindow().timeZone())).append(".</p>\n");
        c.timeRules().forEach(r -> sb.append("<p>Year rule for ").append(Html.esc(r.file())).append(": ")
                .append(Html.esc(r.rule())).append(".</p>\n"));
        sb.append("<p>Settings and thresholds:</p>\n");
        HtmlTable s = new HtmlTable().column("setting", false).column("value", false);
        report.run().settings().forEach(s::row);
        s.render(sb);
        sb.append("<p>Not measured:</p>\n<ul>\n");
        c.notMeasured().forEach(n -> sb.append("<li>").append(Html.esc(n)).append("</li>\n"));
        sb.append("</ul>\n</section>\n");
    }

    static void footer(StringBuilder sb, OriginReport report) {
        sb.append("<footer>\n<p>").append(Html.linked("Map: made with Natural Earth (public domain), https://www.naturalearthdata.com"))
                .append(",")
                .append(" through world-atlas 2.0.2 (ISC licence, Mike Bostock); country codes from i18n-iso-countries")
                .append(" (MIT licence). Equal Earth projection.</p>\n");
        report.databases().stream().filter(d -> d.source() != null).forEach(d -> sb.append("<p>").append(Html.esc(d.name()))
                .append(": ").append(Html.linked(d.source())).append("</p>\n"));
        sb.append("<p>Report schema ").append(Html.esc(report.schema())).append(".</p>\n</footer>\n");
    }

    private static void definitions(StringBuilder sb, Map<String, String> map) {
        sb.append("<dl>\n");
        map.forEach((k, v) -> sb.append("<dt>").append(Html.esc(k)).append("</dt><dd>").append(Html.esc(v)).append("</dd>\n"));
        sb.append("</dl>\n");
    }
}
