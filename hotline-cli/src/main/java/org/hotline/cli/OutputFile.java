package org.hotline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.hotline.OutputException;

/**
 * Writes a file the user named (--html, --materials-out, --events-out): beside it first, then moved
 * into place, so a reader never sees half of it. The place is where a symbolic link leads, not the
 * link; and a device, pipe or descriptor (/dev/full, a FIFO, /dev/stdout) is written straight into,
 * since moving a file onto it replaced it: as root, /dev/full became a regular file, and with stdout
 * redirected to a file, --html /dev/stdout replaced that file and lost the report printed there.
 * Any failure names the file.
 */
final class OutputFile {
    /** Writes the content to an open stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Where the file is written until it is complete. */
    enum Beside {
        /**
         * {@code .NAME.PID.tmp}: for a file written in a moment (a report), out of sight. Not
         * createTempFile: that makes the file private (0600), unlike every other file the user writes.
         */
        HIDDEN,
        /**
         * {@code NAME.partial}: for a file written over a whole run (events). A run that is killed
         * leaves it under a name that says it is incomplete, where the user sees it and the next run
         * overwrites it, not gigabytes in a hidden file; and it can be followed while it grows.
         */
        PARTIAL
    }

    private OutputFile() {}

    static void write(Path file, String what, Content content) {
        try (Pending pending = open(file, what, Beside.HIDDEN)) {
            try {
                content.writeTo(pending.stream());
            } catch (IOException e) {
                throw pending.failure(e);
            }
            pending.commit();
        }
    }

    /** Opens the file for writing; nothing is at its name until {@link Pending#commit()}. */
    static Pending open(Path file, String what, Beside beside) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith("/dev") || absolute.startsWith("/proc")
                    || Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                // Appended, not truncated: /dev/stdout may be the file the report on stdout went to.
                return new Pending(file, what, null, absolute,
                        Files.newOutputStream(absolute, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            }
            Path target = Files.exists(absolute) ? absolute.toRealPath() : absolute;
            Files.createDirectories(target.getParent());
            Path temp = beside == Beside.HIDDEN
                    ? target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp")
                    : partial(target);
            return new Pending(file, what, temp, target, Files.newOutputStream(temp));
        } catch (IOException e) {
            throw failure(file, what, e);
        }
    }

    /** Where {@link Beside#PARTIAL} writes the file until it is complete. */
    static Path partial(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path target = Files.exists(absolute) ? absolute.toRealPath() : absolute;
            return target.resolveSibling(target.getFileName() + ".partial");
        } catch (IOException e) {
            return absolute.resolveSibling(absolute.getFileName() + ".partial");
        }
    }

    /**
     * The error naming the file and why. The JDK's exceptions for a directory that cannot be
     * written or created say only the path (the temporary one, beside the user's), not why.
     */
    static OutputException failure(Path file, String what, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such directory"
                : e instanceof FileAlreadyExistsException f ? f.getFile() + " is not a directory"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return new OutputException(file + ": cannot write the " + what + " (" + why + ")", e);
    }

    /**
     * A file being written. {@link #commit()} closes it and moves it into place; closing it
     * without a commit (the run failed) deletes what was written, which is not the whole.
     */
    static final class Pending implements AutoCloseable {
        private final Path file;
        private final String what;
        /** Null when the file is written in place (a device or pipe). */
        private final Path temp;
        private final Path target;
        private final OutputStream out;
        private boolean finished;

        private Pending(Path file, String what, Path temp, Path target, OutputStream out) {
            this.file = file;
            this.what = what;
            this.temp = temp;
            this.target = target;
            this.out = out;
        }

        OutputStream stream() {
            return out;
        }

        /** The error for a failed write, naming the file. */
        OutputException failure(IOException e) {
            return OutputFile.failure(file, what, e);
        }

        void commit() {
            try {
                out.close();
                if (temp != null) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                finished = true;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            try {
                out.close();
            } catch (IOException e) {
                // The run failed already: that error is the one to report.
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // Left behind under a name that says it is incomplete.
                }
            }
        }
    }
}
