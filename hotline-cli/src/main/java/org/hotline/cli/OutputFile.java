package org.hotline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.hotline.OutputException;

/**
 * Writes a file the user named (--html, --materials-out): beside it first, then moved into place,
 * so a reader never sees half of it. The place is where a symbolic link leads, not the link; and a
 * device, pipe or descriptor (/dev/full, a FIFO, /dev/stdout) is written straight into, since
 * moving a file onto it replaced it: as root, /dev/full became a regular file, and with stdout
 * redirected to a file, --html /dev/stdout replaced that file and lost the report printed there.
 * Any failure names the file.
 */
final class OutputFile {
    /** Writes the content to an open stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {}

    static void write(Path file, String what, Content content) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith("/dev") || absolute.startsWith("/proc")
                    || Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                // Appended, not truncated: /dev/stdout may be the file the report on stdout went to.
                try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    content.writeTo(out);
                }
                return;
            }
            Path target = Files.exists(absolute) ? absolute.toRealPath() : absolute;
            Path parent = target.getParent();
            Files.createDirectories(parent);
            // Not createTempFile: that makes the file private (0600), unlike every other file the user writes.
            Path temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    content.writeTo(out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new OutputException(file + ": cannot write the " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
