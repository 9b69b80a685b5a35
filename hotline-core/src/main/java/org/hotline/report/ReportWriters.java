package org.hotline.report;

import java.util.List;
import java.util.function.Supplier;
import org.hotline.InputException;
import org.hotline.report.html.HtmlReportWriter;

/** The built-in report formats, listed in one place; the first is the default. */
public final class ReportWriters {

    /** A format's name (as the CLI spells it), what it is for, and how to make its writer. */
    public record Format(String name, String description, Supplier<ReportWriter> writer) {}

    private static final List<Format> BUILT_INS = List.of(
            new Format("terminal", "aligned tables for a terminal, 100 columns (the default)", TerminalReportWriter::new),
            new Format("json", "one JSON document, the public interface for scripts", JsonReportWriter::new),
            new Format("csv", "one RFC 4180 table with a section column", CsvReportWriter::new),
            new Format("html", "one self-contained HTML file with a world map and charts", HtmlReportWriter::new));

    private ReportWriters() {}

    public static List<Format> all() {
        return BUILT_INS;
    }

    /** A new writer for {@code name}; an unknown name is a user error listing the known ones. */
    public static ReportWriter byName(String name) {
        for (Format f : BUILT_INS) {
            if (f.name().equals(name)) {
                return f.writer().get();
            }
        }
        throw new InputException("unknown report format '" + name + "'; known: "
                + String.join(", ", BUILT_INS.stream().map(Format::name).toList()));
    }
}
