package org.hotline.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hotline.OutputException;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.ReportWriters;

/** Writes a report in a named format to standard output or to a file, naming the file on failure. */
final class ReportOutput {
    private ReportOutput() {}

    /**
     * Prints the report, and says so when it did not all get out: a PrintWriter (and System.out
     * beneath it) swallows write errors, and {@code analyze --json > report.json} on a full disk
     * exited 0 with an empty file.
     */
    static void toStdout(OriginReport report, String format, PrintWriter out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReportWriters.byName(format).write(report, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        if (out.checkError() || System.out.checkError()) {
            throw new OutputException("the " + format + " report could not be written in full to standard output"
                    + " (a full disk, or a reader that closed it)", null);
        }
    }

    static void toFile(OriginReport report, String format, Path file) {
        OutputFile.write(file, format + " report", out -> ReportWriters.byName(format).write(report, out));
    }
}
