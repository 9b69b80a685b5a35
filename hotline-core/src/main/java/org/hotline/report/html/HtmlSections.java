package org.hotline.report.html;

import java.util.List;
import org.hotline.aggregate.AsnRow;
import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryCount;
import org.hotline.aggregate.CountryRow;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.SourceRow;
import org.hotline.report.Cells;

/** The HTML report's tables: origin by country and ASN, types, targets, sources, side tables, all events. */
final class HtmlSections {
    static final int LONG_TABLE = 100;

    private HtmlSections() {}

    static void tables(StringBuilder sb, WorldMap map, OriginReport report) {
        AttacksSection a = report.attacks();
        sb.append("<section id=\"countries\"><h2>Origin by country</h2>\n<p class=\"note\">")
                .append(Html.esc(a.origin().definition())).append(". Totals (= 100 %): ").append(Cells.count(a.origin().sources()))
                .append(" sources, ").append(Cells.count(a.origin().events())).append(" attack events, ")
                .append(Cells.bytes(a.origin().bytes())).append(", ").append(Cells.count(a.origin().attacks())).append(" attacks.</p>\n");
        HtmlTable t = new HtmlTable().column("country", false).column("sources", true).column("%", true)
                .column("events", true).column("%", true).column("bytes", true).column("%", true).column("networks", true)
                .column("ASNs", true).column("top ASNs", false).column("first seen", false).column("last seen", false)
                .column("top-1 address", false).column("top-1 %", true).column("Tor left out", true)
                .column("confidence", false);
        for (CountryRow r : a.byCountry()) {
            t.row(r.country() == null ? "unknown" : r.country() + " " + map.name(r.country()), Cells.count(r.sources()),
                    Cells.percent(r.sourcesPercent()), Cells.count(r.events()), Cells.percent(r.eventsPercent()),
                    Cells.bytes(r.bytes()), Cells.percent(r.bytesPercent()), Cells.count(r.networks()), Cells.count(r.asns()),
                    String.join(", ", r.topAsns().stream().map(x -> (x.asn() == null ? "unknown" : "AS" + x.asn())
                            + (x.org() == null ? "" : " " + x.org()) + " (" + x.sources() + ")").toList()),
                    Cells.time(r.firstSeen()), Cells.time(r.lastSeen()), r.topSource(), Cells.percent(r.concentration()),
                    Cells.count(r.torSources()), r.confidence() + ": " + String.join("; ", r.confidenceReasons()));
        }
        t.render(sb);
        sb.append("</section>\n<section id=\"asns\"><h2>Origin by network (ASN)</h2>\n");
        HtmlTable n = new HtmlTable().column("ASN", false).column("organisation", false).column("countries", false)
                .column("sources", true).column("%", true).column("events", true).column("%", true).column("bytes", true)
                .column("networks", true).column("top-1 %", true);
        for (AsnRow r : a.byAsn().subList(0, Math.min(LONG_TABLE, a.byAsn().size()))) {
            n.row(r.asn() == null ? "unknown" : "AS" + r.asn(), Cells.orDash(r.org()),
                    String.join(" ", r.countries().stream().map(c -> c == null ? "unknown" : c).toList()),
                    Cells.count(r.sources()), Cells.percent(r.sourcesPercent()), Cells.count(r.events()),
                    Cells.percent(r.eventsPercent()), Cells.bytes(r.bytes()), Cells.count(r.networks()),
                    Cells.percent(r.concentration()));
        }
        n.render(sb);
        more(sb, a.byAsn().size());
        sb.append("</section>\n");
        typesAndTargets(sb, a);
        sources(sb, a);
        sideTables(sb, map, a);
        events(sb, map, report);
    }

    private static void typesAndTargets(StringBuilder sb, AttacksSection a) {
        sb.append("<section id=\"types\"><h2>Attacks by type and by target (all sources)</h2>\n<p class=\"note\">")
                .append(Html.esc(a.total().definition())).append(". Totals (= 100 %): ").append(Cells.count(a.total().attacks()))
                .append(" attacks, ").append(Cells.count(a.total().sources())).append(" sources, ")
                .append(Cells.count(a.total().events())).append(" events. A source may do several kinds of attack.</p>\n");
        HtmlTable t = new HtmlTable().column("type", false).column("attacks", true).column("sources", true)
                .column("%", true).column("events", true).column("%", true).column("bytes", true);
        a.byType().forEach(r -> t.row(r.type(), Cells.count(r.attacks()), Cells.count(r.sources()),
                Cells.percent(r.sourcesPercent()), Cells.count(r.events()), Cells.percent(r.eventsPercent()), Cells.bytes(r.bytes())));
        t.render(sb);
        HtmlTable g = new HtmlTable().column("target", false).column("attacks", true).column("sources", true)
                .column("%", true).column("events", true).column("%", true);
        a.byTarget().subList(0, Math.min(LONG_TABLE, a.byTarget().size())).forEach(r -> g.row(r.target(),
                Cells.count(r.attacks()), Cells.count(r.sources()), Cells.percent(r.sourcesPercent()),
                Cells.count(r.events()), Cells.percent(r.eventsPercent())));
        g.render(sb);
        more(sb, a.byTarget().size());
        sb.append("</section>\n");
    }

    private static void sources(StringBuilder sb, AttacksSection a) {
        sb.append("<section id=\"sources\"><h2>Top sources (all tables)</h2>\n");
        HtmlTable t = new HtmlTable().column("address", false).column("country", false).column("ASN", false)
                .column("flags", false).column("table", false).column("attacks", true).column("events", true)
                .column("bytes", true).column("types", false).column("first seen", false).column("last seen", false)
                .column("evidence", false);
        for (SourceRow r : a.topSources()) {
            t.row(r.address(), Cells.orDash(r.country()),
                    r.asn() == null ? "-" : "AS" + r.asn() + (r.org() == null ? "" : " " + r.org()),
                    String.join(" ", r.flags()), r.table(), Cells.count(r.attacks()), Cells.count(r.events()),
                    Cells.bytes(r.bytes()), String.join(", ", r.types()), Cells.time(r.firstSeen()), Cells.time(r.lastSeen()),
                    String.join(" ", r.evidence()));
        }
        t.render(sb);
        sb.append("</section>\n");
    }

    private static void sideTables(StringBuilder sb, WorldMap map, AttacksSection a) {
        sb.append("<section id=\"excluded\"><h2>Not in the origin share</h2>\n");
        side(sb, map, "Anonymised (Tor exits): origin unknown", a.anonymised());
        side(sb, map, "Non-routable sources", a.nonRoutable());
        side(sb, map, "Unverified sources (no handshake; the address may be forged)", a.unverified());
        side(sb, map, "Reflected (UDP from amplifier ports; reflectors, not attackers)", a.reflected());
        sb.append("</section>\n");
    }

    private static void side(StringBuilder sb, WorldMap map, String title, AttacksSection.SideTable s) {
        sb.append("<h3>").append(Html.esc(title)).append("</h3>\n<p class=\"note\">").append(Html.esc(s.definition()))
                .append(". ").append(Cells.count(s.attacks())).append(" attacks, ").append(Cells.count(s.sources()))
                .append(" sources, ").append(Cells.count(s.events())).append(" events, ").append(Cells.bytes(s.bytes()))
                .append("; confidence low by definition.</p>\n");
        countries(sb, map, s.byCountry(), "apparent country");
    }

    private static void events(StringBuilder sb, WorldMap map, OriginReport report) {
        var e = report.events();
        sb.append("<section id=\"events\"><h2>All parsed events by country</h2>\n<p class=\"note\">Every parsed event,"
                + " attack or not, verified or not: context, not attribution. ").append(Cells.count(e.total()))
                .append(" events (").append(Cells.count(e.withoutSource())).append(" without a source), ")
                .append(Cells.count(e.sources())).append(" distinct sources; ").append(Cells.count(e.sourcesByVerification().handshake()))
                .append(" of them completed a handshake at least once.</p>\n");
        countries(sb, map, e.byCountry(), "country");
        sb.append("</section>\n");
    }

    private static void countries(StringBuilder sb, WorldMap map, List<CountryCount> rows, String header) {
        HtmlTable t = new HtmlTable().column(header, false).column("sources", true).column("%", true)
                .column("events", true).column("%", true).column("bytes", true).column("%", true);
        rows.subList(0, Math.min(LONG_TABLE, rows.size())).forEach(c -> t.row(
                c.country() == null ? "unknown" : c.country() + " " + map.name(c.country()), Cells.count(c.sources()),
                Cells.percent(c.sourcesPercent()), Cells.count(c.events()), Cells.percent(c.eventsPercent()),
                Cells.bytes(c.bytes()), Cells.percent(c.bytesPercent())));
        t.render(sb);
        more(sb, rows.size());
    }

    private static void more(StringBuilder sb, int rows) {
        if (rows > LONG_TABLE) {
            sb.append("<p class=\"note\">").append(Cells.count(rows - LONG_TABLE))
                    .append(" more rows in the JSON and CSV reports.</p>\n");
        }
    }
}
