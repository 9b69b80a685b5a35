package org.hotline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.aggregate.AsnRow;
import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryCount;
import org.hotline.aggregate.CountryRow;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.SourceRow;

/**
 * {@code --csv}: the whole report as <b>one long table</b> with a {@code section} column, so it
 * loads into one spreadsheet or data frame and is filtered by section; the columns are the union
 * of what the sections need, and a column a section does not use is empty. Sections are named
 * after the JSON paths ({@code attacks.byCountry}, {@code events.byCountry}, ...) and hold every
 * row the JSON holds; the method and caveats are rows too ({@code caveat}, {@code unit},
 * {@code confidence}, {@code setting}, {@code database}, {@code notMeasured}).
 *
 * <p>{@code key} is the row's identity (country code, AS number, type, target, bucket start,
 * address, file, name; empty = unknown, e.g. no country), {@code label} its human name,
 * {@code text} any prose. Percent columns are 0–100. Times are ISO-8601 UTC. See {@link CsvTable}
 * for quoting and the formula-injection guard.
 */
public final class CsvReportWriter implements ReportWriter {
    static final List<String> HEADER = List.of("section", "key", "label", "attacks", "events", "sources", "bytes",
            "events_percent", "sources_percent", "bytes_percent", "networks", "asns", "first_seen", "last_seen",
            "concentration_percent", "confidence", "lines", "parsed", "ignored", "skipped", "text");

    @Override
    public void write(OriginReport r, OutputStream stream) throws IOException {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        CsvTable t = new CsvTable(w, HEADER);
        for (String warning : r.warnings()) {
            text(t, "warning", null, null, warning);
        }
        for (OriginReport.InputFile f : r.input()) {
            t.record("input", f.file(), f.format(), null, null, null, f.bytes(), null, null, null, null, null, null, null,
                    null, null, f.lines(), f.parsed(), f.ignored(), f.skipped(), f.error());
            for (OriginReport.SkippedLine s : f.firstSkipped()) {
                text(t, "input.skipped", f.file(), "line " + s.line(), s.reason());
            }
            if (f.timeRule() != null) {
                text(t, "input.timeRule", f.file(), null, f.timeRule());
            }
        }
        var e = r.events();
        t.record("events", "total", null, null, e.total(), e.sources(), e.bytes(), null, null, null, null, null,
                str(e.firstSeen()), str(e.lastSeen()), null, null, null, null, null, null,
                e.withoutSource() + " events without a source; " + e.eventsWithBytes() + " with a size");
        countries(t, "events.byCountry", e.byCountry());
        attacks(t, r.attacks());
        CsvMethodRows.write(t, r);
        w.flush();
    }

    private static void attacks(CsvTable t, AttacksSection a) throws IOException {
        scope(t, "attacks.total", a.total());
        scope(t, "attacks.origin", a.origin());
        for (CountryRow c : a.byCountry()) {
            t.record("attacks.byCountry", c.country(), null, c.attacks(), c.events(), c.sources(), c.bytes(),
                    c.eventsPercent(), c.sourcesPercent(), c.bytesPercent(), c.networks(), c.asns(), str(c.firstSeen()),
                    str(c.lastSeen()), c.concentration(), c.confidence(), null, null, null, null,
                    "top source " + c.topSource() + "; Tor exits left out " + c.torSources() + "; non-routable left out "
                            + c.nonRoutableSources() + "; top ASNs " + String.join(" ", c.topAsns().stream()
                            .map(x -> (x.asn() == null ? "unknown" : "AS" + x.asn()) + "(" + x.sources() + ")").toList())
                            + "; " + String.join("; ", c.confidenceReasons()));
        }
        for (AsnRow s : a.byAsn()) {
            t.record("attacks.byAsn", s.asn(), s.org(), s.attacks(), s.events(), s.sources(), s.bytes(),
                    s.eventsPercent(), s.sourcesPercent(), s.bytesPercent(), s.networks(), null, str(s.firstSeen()),
                    str(s.lastSeen()), s.concentration(), null, null, null, null, null,
                    "countries " + String.join(" ", s.countries().stream().map(c -> c == null ? "unknown" : c).toList())
                            + "; top source " + s.topSource());
        }
        for (AttacksSection.TypeRow y : a.byType()) {
            t.record("attacks.byType", y.type(), null, y.attacks(), y.events(), y.sources(), y.bytes(), y.eventsPercent(),
                    y.sourcesPercent(), y.bytesPercent(), null, null, null, null, null, null, null, null, null, null, null);
        }
        for (AttacksSection.TargetRow y : a.byTarget()) {
            t.record("attacks.byTarget", y.target(), null, y.attacks(), y.events(), y.sources(), y.bytes(),
                    y.eventsPercent(), y.sourcesPercent(), y.bytesPercent(), null, null, null, null, null, null, null,
                    null, null, null, null);
        }
        for (AttacksSection.TimeBucket b : a.overTime().buckets()) {
            t.record("attacks.overTime", str(b.start()), a.overTime().bucket(), b.attacks(), b.events(), b.sources(),
                    b.bytes(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                    "bucket start in " + a.overTime().timeZone());
        }
        for (SourceRow s : a.topSources()) {
            t.record("attacks.topSources", s.address(), s.country(), s.attacks(), s.events(), null, s.bytes(), null,
                    null, null, null, null, str(s.firstSeen()), str(s.lastSeen()), null, null, null, null, null, null,
                    "asn " + (s.asn() == null ? "unknown" : s.asn()) + "; org " + (s.org() == null ? "unknown" : s.org())
                            + "; table " + s.table() + "; verification " + s.verification() + "; flags "
                            + String.join(" ", s.flags()) + "; types " + String.join(" ", s.types())
                            + "; evidence " + String.join(" ", s.evidence()));
        }
        side(t, "attacks.anonymised", a.anonymised());
        side(t, "attacks.nonRoutable", a.nonRoutable());
        side(t, "attacks.unverified", a.unverified());
        side(t, "attacks.reflected", a.reflected());
    }

    private static void scope(CsvTable t, String section, AttacksSection.Scope s) throws IOException {
        t.record(section, null, null, s.attacks(), s.events(), s.sources(), s.bytes(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, s.definition());
    }

    private static void side(CsvTable t, String section, AttacksSection.SideTable s) throws IOException {
        t.record(section, null, null, s.attacks(), s.events(), s.sources(), s.bytes(), null, null, null, null, null,
                null, null, null, "low", null, null, null, null, s.definition());
        countries(t, section + ".byCountry", s.byCountry());
    }

    private static void countries(CsvTable t, String section, List<CountryCount> rows) throws IOException {
        for (CountryCount c : rows) {
            t.record(section, c.country(), null, null, c.events(), c.sources(), c.bytes(), c.eventsPercent(),
                    c.sourcesPercent(), c.bytesPercent(), null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    static void text(CsvTable t, String section, String key, String label, String text) throws IOException {
        t.record(section, key, label, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, text);
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
