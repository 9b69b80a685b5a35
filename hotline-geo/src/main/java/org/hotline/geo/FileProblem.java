package org.hotline.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is wrong with a path given as a database or list file, in words, before anything reads it:
 * {@code --geo-db /tmp} and {@code --geo-db /dev/null} both said "no such file", which sent the user
 * looking for a typo in a name that was right.
 */
public final class FileProblem {

    private FileProblem() {}

    /**
     * Null when {@code file} is a non-empty regular file (through links); else "no such file", "is a
     * directory", "is empty", or "is not a regular file but a character device" (a block device, a
     * pipe, a socket): a database is memory-mapped and hashed, which needs a file.
     */
    public static String of(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(file) ? "is a link to a file that does not exist" : "no such file";
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
        if (a.isDirectory()) {
            return "is a directory, not a file";
        }
        if (!a.isRegularFile()) {
            return "is not a regular file but " + special(file);
        }
        return a.size() == 0 ? "is empty" : null;
    }

    /** "a character device", "a pipe", ... from the file's mode where the file system tells it. */
    private static String special(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            switch (type) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a pipe";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view here: say what all of them are
        }
        return "a device, pipe or socket";
    }
}
