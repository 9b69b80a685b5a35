package org.hotline.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.InputException;
import org.hotline.aggregate.OriginReport;
import org.hotline.report.ReportWriters;

/** Writes a report in a named format to standard output or to a file, naming the file on failure. */
final class ReportOutput {
    private ReportOutput() {}

    static void toStdout(OriginReport report, String format, PrintWriter out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReportWriters.byName(format).write(report, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
    }

    static void toFile(OriginReport report, String format, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Write beside, then move: a reader never sees half a report.
            // Not createTempFile: that makes the report private (0600), unlike every other file the user writes.
            Path temp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                ReportWriters.byName(format).write(report, out);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the " + format + " report (" + e.getMessage() + ")", e);
        }
    }
}
