package org.hotline.report;

import java.io.IOException;
import java.util.Map;
import org.hotline.aggregate.Caveats;
import org.hotline.aggregate.OriginReport;

/** The method-and-caveats rows of the CSV: the same facts the other formats print. */
final class CsvMethodRows {
    private CsvMethodRows() {}

    static void write(CsvTable t, OriginReport r) throws IOException {
        Caveats c = r.caveats();
        for (String s : c.statements()) {
            CsvReportWriter.text(t, "caveat", null, null, s);
        }
        share(t, "tor", c.shares().tor());
        share(t, "spoofable", c.shares().spoofable());
        share(t, "nonRoutable", c.shares().nonRoutable());
        share(t, "unknownCountry", c.shares().unknownCountry());
        for (Map.Entry<String, String> u : c.units().entrySet()) {
            CsvReportWriter.text(t, "unit", u.getKey(), null, u.getValue());
        }
        for (Map.Entry<String, String> g : c.confidenceGrades().entrySet()) {
            CsvReportWriter.text(t, "confidence", g.getKey(), null, g.getValue());
        }
        for (OriginReport.Database d : r.databases()) {
            CsvReportWriter.text(t, "database", d.name(), d.role(), "layout " + d.layout() + "; built " + d.buildDate()
                    + "; sha256 " + d.sha256() + "; entries " + d.entries() + "; source " + d.source());
        }
        CsvReportWriter.text(t, "timeWindow", CsvReportWriter.str(c.timeWindow().first()),
                CsvReportWriter.str(c.timeWindow().last()), "time zone " + c.timeWindow().timeZone());
        CsvReportWriter.text(t, "run", r.run().version(), CsvReportWriter.str(r.run().generatedAt()),
                "time zone " + r.run().timeZone() + "; schema " + r.schema());
        for (Map.Entry<String, String> s : r.run().settings().entrySet()) {
            CsvReportWriter.text(t, "setting", s.getKey(), null, s.getValue());
        }
        for (String n : c.notMeasured()) {
            CsvReportWriter.text(t, "notMeasured", null, null, n);
        }
    }

    private static void share(CsvTable t, String name, Caveats.Share s) throws IOException {
        t.record("caveat.share", name, null, null, null, s.sources(), null, null, s.percent(), null, null, null, null,
                null, null, null, null, null, null, null, "of " + s.of() + " distinct attacking addresses");
    }
}
