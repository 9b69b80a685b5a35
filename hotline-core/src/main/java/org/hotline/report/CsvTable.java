package org.hotline.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF after every record; a field holding a comma, quote, CR or LF is quoted
 * with inner quotes doubled; null is an empty field.
 *
 * <p>Hazard: CSV is opened in spreadsheets, which run a cell starting with {@code = + - @} (or a
 * tab or CR) as a formula, and log text is attacker-controlled. Text fields starting so get a
 * leading apostrophe (the OWASP "CSV injection" advice); numeric fields are written untouched.
 * Control characters but CR and LF, and bidirectional overrides, become '?' as on the terminal.
 */
final class CsvTable {
    private final Writer out;
    private final int columns;

    CsvTable(Writer out, List<String> header) throws IOException {
        this.out = out;
        this.columns = header.size();
        record(header.toArray(new Object[0]));
    }

    /** One record: String cells are text (defused), Number cells are written as they are. */
    void record(Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object c = cells[i];
            if (c == null) {
                continue;
            }
            out.write(c instanceof Number ? c.toString() : field(c.toString()));
        }
        out.write("\r\n");
    }

    static String field(String text) {
        // Read back by `hotline report`, a report's text may come from anyone, and CSV is often looked at in a terminal.
        String s = Cells.cleanField(text);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
