package org.hotline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.aggregate.AsnRow;
import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryCount;
import org.hotline.aggregate.CountryRow;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.SourceRow;

/**
 * The default format: aligned tables readable at 100 columns. Warnings come first, then the
 * headline sentence with its denominators, the origin tables, what was kept out of them, the input
 * accounting, and a short method and caveats section. Long tables show their top rows and say how
 * many more the other formats hold.
 */
public final class TerminalReportWriter implements ReportWriter {
    static final int WIDTH = 100;
    static final int COUNTRIES = 20;
    static final int ASNS = 15;
    static final int TARGETS = 10;
    static final int SOURCES = 10;
    static final int BUCKETS = 48;

    @Override
    public void write(OriginReport report, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("Hotline ").append(report.run().version()).append(" origin report, generated ")
                .append(report.run().generatedAt()).append("\n\n");
        if (!report.warnings().isEmpty()) {
            sb.append("WARNINGS\n");
            report.warnings().forEach(w -> Paragraphs.wrap(sb, w, "  ! ", "    ", WIDTH));
            sb.append('\n');
        }
        AttacksSection a = report.attacks();
        Paragraphs.wrap(sb, Headline.of(a), "", "", WIDTH);
        sb.append('\n');
        countries(sb, a);
        asns(sb, a);
        types(sb, a);
        targets(sb, a);
        TerminalTimeline.render(sb, a.overTime(), BUCKETS, WIDTH);
        sources(sb, a);
        sideTables(sb, a);
        events(sb, report);
        TerminalMethod.input(sb, report, WIDTH);
        TerminalMethod.caveats(sb, report, WIDTH);
        // Every text once more, whole: a report read back by `hotline report` may come from anyone, and
        // not every line above goes through a table's cleaning (the headline's version, a country code).
        out.write(Cells.cleanLines(sb.toString()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void countries(StringBuilder sb, AttacksSection a) {
        title(sb, "SOURCES BY COUNTRY: handshake-verified, routable, non-Tor (" + Cells.count(a.origin().sources())
                + " addresses, " + Cells.count(a.origin().events()) + " attack events = 100%)");
        TextTable t = new TextTable().column("country", false).column("sources", true).column("%", true)
                .column("events", true).column("%", true).column("bytes", true).column("%", true)
                .column("nets", true).column("ASNs", true).column("top-1", true).column("Tor", true)
                .column("confidence", false);
        List<CountryRow> rows = a.byCountry();
        for (CountryRow r : rows.subList(0, Math.min(COUNTRIES, rows.size()))) {
            t.row(r.country() == null ? "unknown" : r.country(), Cells.count(r.sources()), Cells.percent(r.sourcesPercent()),
                    Cells.count(r.events()), Cells.percent(r.eventsPercent()), Cells.bytes(r.bytes()),
                    Cells.percent(r.bytesPercent()), Cells.count(r.networks()), Cells.count(r.asns()),
                    Cells.percent(r.concentration()), Cells.count(r.torSources()), r.confidence());
        }
        render(sb, t, rows.size(), COUNTRIES, "countries");
        sb.append("  top-1 = share of the row's events from its busiest address; Tor = exits placed there,"
                + " left out.\n\n");
    }

    private static void asns(StringBuilder sb, AttacksSection a) {
        title(sb, "SOURCES BY NETWORK (ASN), same basis");
        TextTable t = new TextTable().column("ASN", true).column("organisation", false).column("countries", false)
                .column("sources", true).column("%", true).column("events", true).column("%", true)
                .column("top-1", true);
        List<AsnRow> rows = a.byAsn();
        for (AsnRow r : rows.subList(0, Math.min(ASNS, rows.size()))) {
            t.row(r.asn() == null ? "unknown" : "AS" + r.asn(), Cells.orDash(r.org()),
                    String.join(" ", r.countries().stream().map(c -> c == null ? "?" : c).limit(4).toList()),
                    Cells.count(r.sources()), Cells.percent(r.sourcesPercent()), Cells.count(r.events()),
                    Cells.percent(r.eventsPercent()), Cells.percent(r.concentration()));
        }
        render(sb, t, rows.size(), ASNS, "networks");
        sb.append('\n');
    }

    private static void types(StringBuilder sb, AttacksSection a) {
        title(sb, "ATTACKS BY TYPE, all sources (" + Cells.count(a.total().attacks()) + " attacks, "
                + Cells.count(a.total().events()) + " events, " + Cells.count(a.total().sources()) + " addresses = 100%)");
        TextTable t = new TextTable().column("type", false).column("attacks", true).column("sources", true)
                .column("%", true).column("events", true).column("%", true).column("bytes", true);
        for (AttacksSection.TypeRow r : a.byType()) {
            t.row(r.type(), Cells.count(r.attacks()), Cells.count(r.sources()), Cells.percent(r.sourcesPercent()),
                    Cells.count(r.events()), Cells.percent(r.eventsPercent()), Cells.bytes(r.bytes()));
        }
        render(sb, t, a.byType().size(), Integer.MAX_VALUE, "types");
        sb.append('\n');
    }

    private static void targets(StringBuilder sb, AttacksSection a) {
        title(sb, "ATTACKS BY TARGET, all sources");
        TextTable t = new TextTable().column("target", false).column("attacks", true).column("sources", true)
                .column("%", true).column("events", true).column("%", true);
        List<AttacksSection.TargetRow> rows = a.byTarget();
        for (AttacksSection.TargetRow r : rows.subList(0, Math.min(TARGETS, rows.size()))) {
            t.row(r.target(), Cells.count(r.attacks()), Cells.count(r.sources()), Cells.percent(r.sourcesPercent()),
                    Cells.count(r.events()), Cells.percent(r.eventsPercent()));
        }
        render(sb, t, rows.size(), TARGETS, "targets");
        sb.append('\n');
    }

    private static void sources(StringBuilder sb, AttacksSection a) {
        title(sb, "TOP SOURCES, all tables");
        TextTable t = new TextTable().column("address", false).column("cc", false).column("ASN", true)
                .column("table", false).column("attacks", true).column("events", true).column("types", false)
                .column("first evidence", false);
        List<SourceRow> rows = a.topSources();
        for (SourceRow r : rows.subList(0, Math.min(SOURCES, rows.size()))) {
            t.row(r.address(), Cells.orDash(r.country()), r.asn() == null ? "-" : "AS" + r.asn(), r.table(),
                    Cells.count(r.attacks()), Cells.count(r.events()), String.join(",", r.types()),
                    r.evidence().isEmpty() ? "-" : r.evidence().get(0).substring(r.evidence().get(0).lastIndexOf('/') + 1));
        }
        render(sb, t, rows.size(), SOURCES, "sources");
        sb.append('\n');
    }

    private static void sideTables(StringBuilder sb, AttacksSection a) {
        title(sb, "NOT IN THE ORIGIN SHARE");
        side(sb, "anonymised (Tor exits): origin unknown", a.anonymised());
        side(sb, "non-routable (private, reserved): no country", a.nonRoutable());
        side(sb, "unverified (no handshake): address may be forged", a.unverified());
        side(sb, "reflected (UDP from amplifier ports): reflectors, not attackers", a.reflected());
        sb.append('\n');
    }

    private static void side(StringBuilder sb, String label, AttacksSection.SideTable s) {
        StringBuilder line = new StringBuilder(label).append(": ").append(Cells.count(s.sources(), "address", "addresses"))
                .append(", ").append(Cells.count(s.attacks(), "attack", "attacks")).append(", ")
                .append(Cells.count(s.events(), "event", "events"));
        if (!s.byCountry().isEmpty()) {
            line.append("; apparent countries: ");
            List<CountryCount> top = s.byCountry().subList(0, Math.min(5, s.byCountry().size()));
            line.append(String.join(", ", top.stream().map(c -> (c.country() == null ? "unknown" : c.country())
                    + " " + Cells.percent(c.sourcesPercent())).toList()));
        }
        Paragraphs.wrap(sb, line.toString(), "  - ", "    ", WIDTH);
    }

    private static void events(StringBuilder sb, OriginReport report) {
        var e = report.events();
        title(sb, "ALL PARSED EVENTS BY COUNTRY, attacks or not, verified or not (" + Cells.count(e.withSource())
                + " events with a source, " + Cells.count(e.sources()) + " addresses = 100%)");
        TextTable t = new TextTable().column("country", false).column("sources", true).column("%", true)
                .column("events", true).column("%", true).column("bytes", true).column("%", true);
        for (CountryCount c : e.byCountry().subList(0, Math.min(10, e.byCountry().size()))) {
            t.row(c.country() == null ? "unknown" : c.country(), Cells.count(c.sources()), Cells.percent(c.sourcesPercent()),
                    Cells.count(c.events()), Cells.percent(c.eventsPercent()), Cells.bytes(c.bytes()),
                    Cells.percent(c.bytesPercent()));
        }
        render(sb, t, e.byCountry().size(), 10, "countries");
        if (e.withoutSource() > 0) {
            sb.append("  ").append(Cells.count(e.withoutSource())).append(" events had no source address.\n");
        }
        sb.append('\n');
    }

    static void title(StringBuilder sb, String title) {
        Paragraphs.wrap(sb, title, "", "  ", WIDTH);
    }

    private static void render(StringBuilder sb, TextTable t, int total, int shown, String what) {
        if (t.isEmpty()) {
            sb.append("  (none)\n");
            return;
        }
        t.render(sb, "  ", WIDTH);
        if (total > shown) {
            sb.append("  ... ").append(Cells.count(total - shown)).append(" more ").append(what)
                    .append(" in --json, --csv and --html\n");
        }
    }
}
