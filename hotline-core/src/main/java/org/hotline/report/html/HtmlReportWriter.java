package org.hotline.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.aggregate.AsnRow;
import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryRow;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.Cells;
import org.hotline.report.Headline;
import org.hotline.report.ReportWriter;

/**
 * {@code --html FILE}: one self-contained page — inline CSS and SVG, no script and nothing loaded
 * from anywhere (a Content-Security-Policy of {@code default-src 'none'} makes the browser refuse
 * to), so it opens offline and can be mailed as is. It holds a world map of the origin share by
 * country, charts by country, type, ASN and time, every table, input accounting, method and
 * caveats, and the attributions the map's and the databases' licences ask for. The only URLs are
 * attribution links.
 */
public final class HtmlReportWriter implements ReportWriter {
    static final int CHART_ROWS = 10;

    @Override
    public void write(OriginReport report, OutputStream out) throws IOException {
        WorldMap map = WorldMap.get();
        StringBuilder sb = new StringBuilder(256 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Hotline origin report</title>\n<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Where the attacks came from</h1>\n<p class=\"meta\">Hotline ").append(Html.esc(report.run().version()))
                .append(", report generated ").append(Html.esc(report.run().generatedAt().toString()))
                .append("; events from ").append(Html.esc(Cells.orDash(report.caveats().timeWindow().first())))
                .append(" to ").append(Html.esc(Cells.orDash(report.caveats().timeWindow().last()))).append(" (UTC).</p>\n");
        if (!report.warnings().isEmpty()) {
            sb.append("<section class=\"warnings\" id=\"warnings\"><strong>Warnings</strong><ul>\n");
            report.warnings().forEach(w -> sb.append("<li>").append(Html.esc(w)).append("</li>\n"));
            sb.append("</ul></section>\n");
        }
        AttacksSection a = report.attacks();
        sb.append("<p class=\"headline\">").append(Html.esc(Headline.of(a))).append("</p>\n");
        mapSection(sb, map, a);
        charts(sb, map, a);
        HtmlSections.tables(sb, map, report);
        HtmlMethod.input(sb, report);
        HtmlMethod.caveats(sb, report);
        HtmlMethod.footer(sb, report);
        sb.append("</body>\n</html>\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void mapSection(StringBuilder sb, WorldMap map, AttacksSection a) {
        sb.append("<section id=\"map\"><h2>Sources located by country: share of ").append(Cells.count(a.origin().sources()))
                .append(" handshake-verified, routable, non-Tor attacking addresses</h2>\n");
        Map<String, Double> share = new HashMap<>();
        Map<String, String> tooltip = new HashMap<>();
        Double unknown = null;
        List<String> undrawn = new ArrayList<>();
        for (CountryRow r : a.byCountry()) {
            if (r.country() == null) {
                unknown = r.sourcesPercent();
                continue;
            }
            if (!map.draws(r.country())) {
                // A code the map has no area for (AN, the Netherlands Antilles, dissolved in 2010, is still
                // in some databases): its share must not vanish without a word.
                undrawn.add(r.country() + " " + Cells.percent(r.sourcesPercent()));
            }
            share.put(r.country(), r.sourcesPercent());
            tooltip.put(r.country(), map.name(r.country()) + " (" + r.country() + "): " + Cells.percent(r.sourcesPercent())
                    + " of sources (" + Cells.count(r.sources()) + "), " + Cells.percent(r.eventsPercent()) + " of attack events ("
                    + Cells.count(r.events()) + "), " + Cells.percent(r.bytesPercent()) + " of bytes; top-1 address "
                    + Cells.percent(r.concentration()) + " of its events; confidence " + r.confidence());
        }
        map.render(sb, share, tooltip);
        map.legend(sb);
        sb.append("<p class=\"note\">Colour = share of distinct sources (the unit least swayed by one busy address);"
                + " hover a country for events and bytes. Dots mark countries too small to draw at this scale.")
                .append(unknown == null ? "" : " " + Cells.percent(unknown) + " of the sources have no known country and are not on the map.")
                .append(undrawn.isEmpty() ? "" : " Not on the map, for want of an area for their code: "
                        + Html.esc(String.join(", ", undrawn)) + " (see the table below).")
                .append(" Tor exits, non-routable, unverified and reflected sources are not on the map: see below.</p>\n</section>\n");
    }

    private static void charts(StringBuilder sb, WorldMap map, AttacksSection a) {
        sb.append("<section id=\"charts\"><h2>Charts</h2>\n<h3>Top countries, three ways (of the origin totals)</h3>\n");
        List<SvgCharts.Bar> countries = new ArrayList<>();
        for (CountryRow r : a.byCountry().subList(0, Math.min(CHART_ROWS, a.byCountry().size()))) {
            String label = r.country() == null ? "unknown" : r.country() + " " + map.name(r.country());
            countries.add(new SvgCharts.Bar(label, label + ": " + Cells.count(r.sources()) + " sources, "
                    + Cells.count(r.events()) + " events, " + Cells.bytes(r.bytes()),
                    r.sourcesPercent(), r.eventsPercent(), r.bytesPercent()));
        }
        SvgCharts.bars(sb, "top countries by share of sources, events and bytes", countries, 3);
        sb.append("<h3>Attacks by type (all sources)</h3>\n");
        List<SvgCharts.Bar> types = new ArrayList<>();
        for (AttacksSection.TypeRow t : a.byType()) {
            types.add(new SvgCharts.Bar(t.type(), t.type() + ": " + Cells.count(t.attacks()) + " attacks, "
                    + Cells.count(t.sources()) + " sources, " + Cells.count(t.events()) + " events",
                    t.sourcesPercent(), t.eventsPercent()));
        }
        SvgCharts.bars(sb, "attacks by type", types, 2);
        sb.append("<h3>Top networks (ASN, of the origin totals)</h3>\n");
        List<SvgCharts.Bar> asns = new ArrayList<>();
        for (AsnRow r : a.byAsn().subList(0, Math.min(CHART_ROWS, a.byAsn().size()))) {
            String label = (r.asn() == null ? "unknown" : "AS" + r.asn()) + " " + (r.org() == null ? "" : r.org());
            asns.add(new SvgCharts.Bar(label, label + ": " + Cells.count(r.sources()) + " sources, "
                    + Cells.count(r.events()) + " events", r.sourcesPercent(), r.eventsPercent()));
        }
        SvgCharts.bars(sb, "top networks by share of sources and events", asns, 2);
        AttacksSection.TimeSeries series = a.overTime();
        sb.append("<h3>Attacks over time, by the ").append(Html.esc(series.bucket())).append(" each began (")
                .append(Html.esc(series.timeZone())).append(")</h3>\n");
        DateTimeFormatter f = DateTimeFormatter.ofPattern(series.bucket().equals("hour") ? "yyyy-MM-dd HH:00"
                : series.bucket().equals("day") ? "yyyy-MM-dd" : "yyyy-MM", Locale.ROOT).withZone(ZoneId.of(series.timeZone()));
        List<SvgCharts.Column> columns = new ArrayList<>();
        for (AttacksSection.TimeBucket b : series.buckets()) {
            String when = f.format(b.start());
            columns.add(new SvgCharts.Column(when, b.attacks(), when + ": " + Cells.count(b.attacks()) + " attacks, "
                    + Cells.count(b.sources()) + " sources, " + Cells.count(b.events()) + " events"));
        }
        SvgCharts.columns(sb, "attacks over time", columns);
        sb.append("</section>\n");
    }

    static String css() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath: the build is broken");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
