package org.hotline.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.hotline.report.Cells;

/**
 * A writer for what node commands print for people: a partner writes a concern's summary, notes and
 * findings, and an ESC sequence in them would recolour, clear or retitle the operator's terminal, a
 * right-to-left override would make "21 sources" read "12". Such characters are printed as '?',
 * line breaks kept, as the terminal report prints log text. JSON output is not passed through it:
 * there Jackson escapes control characters, and scripts get the text as it is.
 */
final class TerminalText extends FilterWriter {
    private TerminalText(Writer out) {
        super(out);
    }

    static PrintWriter of(PrintWriter out) {
        return new PrintWriter(new TerminalText(out), true);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(Cells.cleanLines(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(Cells.cleanLines(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        String text = str.substring(off, off + len);
        // println's own line separator as it is: CR LF where the JVM's is (Windows).
        out.write(text.equals(SEPARATOR) ? text : Cells.cleanLines(text));
    }

    private static final String SEPARATOR = System.lineSeparator();
}
