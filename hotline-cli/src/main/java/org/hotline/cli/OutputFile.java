package org.hotline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hotline.OutputException;

/**
 * Writes a file the user named (--html, --materials-out): beside it first, then moved into place,
 * so a reader never sees half of it. The place is where a symbolic link leads, not the link; and a
 * device or pipe (/dev/stdout, a FIFO) is written straight into, since moving a file onto it would
 * replace the device, which as root removed /dev/full. Any failure names the file.
 */
final class OutputFile {
    /** Writes the content to an open stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {}

    static void write(Path file, String what, Content content) {
        try {
            Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
            if (Files.exists(target) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                try (OutputStream out = Files.newOutputStream(target)) {
                    content.writeTo(out);
                }
                return;
            }
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
