package org.hotline.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the files below a directory that a {@link Scope} asks for, depth first, each directory's
 * entries in name order.
 *
 * <p>Links to directories are followed, as the shell's globs, {@code grep -R} and log shippers
 * follow them (logs kept on another disk are often linked in): they were skipped without a word.
 *
 * <p>Hazards: a link back up ({@code logs/all -> ..}) would make the walk endless, so a directory
 * already being walked is not entered again below itself, unless the {@link Scope} is bounded and the
 * walk ends anyway; a file reached by two names is listed under both, for
 * {@link Sources#once} to read once. A directory that cannot be listed (no permission, removed while
 * the walk runs) or an entry that cannot be examined is reported to {@link Found#failed} and the walk
 * goes on beside it. It used to end the whole expansion, and with it the run: one {@code chmod 700}
 * subdirectory among readable logs meant exit 2 and no report at all.
 */
final class TreeWalk {
    private TreeWalk() {}

    /** Which entries a walk looks at, by their path relative to the root it started from. */
    interface Scope {
        /** A regular file here is wanted. */
        boolean takes(Path relative);

        /** A directory here may hold wanted files, so it is listed. */
        boolean enters(Path relative);

        /**
         * True if {@link #enters} refuses every directory below some depth: the walk then ends by
         * itself, and a path through a link back up is matched as the shell matches it.
         */
        default boolean bounded() {
            return false;
        }
    }

    /** What a walk finds, in the order it finds it. */
    interface Found {
        void file(Path file);

        /** @param problem why {@code path} could not be listed or examined, for the user */
        void failed(Path path, String problem);
    }

    static void walk(Path root, Scope scope, Found found) {
        Set<Object> walking = new HashSet<>();
        if (!scope.bounded()) {
            try {
                walking.add(key(root, Files.readAttributes(root, BasicFileAttributes.class)));
            } catch (IOException e) {
                // Listing it will say what is wrong.
            }
        }
        list(root, Path.of(""), scope, found, walking);
    }

    /** An entry of a directory: its attributes through a link, or why they could not be read. */
    private record Entry(Path path, Path relative, BasicFileAttributes attributes, String problem) {}

    /** @param walking the directories being walked, from the root down to {@code dir}, by {@link #key} */
    private static void list(Path dir, Path relative, Scope scope, Found found, Set<Object> walking) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                Path rel = relative.resolve(path.getFileName().toString());
                Entry entry = scope.takes(rel) || scope.enters(rel) ? examine(path, rel) : null;
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            found.failed(dir, "cannot list directory (" + reason(cause) + ")");
            return;
        }
        entries.sort(Comparator.comparing(e -> e.path().getFileName().toString()));
        for (Entry e : entries) {
            if (e.problem() != null) {
                found.failed(e.path(), e.problem());
            } else if (e.attributes().isDirectory()) {
                if (!scope.enters(e.relative())) {
                    continue;
                }
                if (scope.bounded()) {
                    list(e.path(), e.relative(), scope, found, walking);
                    continue;
                }
                Object key = key(e.path(), e.attributes());
                if (walking.add(key)) {
                    list(e.path(), e.relative(), scope, found, walking);
                    walking.remove(key);
                }   // else a link back up: what it holds is being walked already
            } else if (e.attributes().isRegularFile() && scope.takes(e.relative())) {
                found.file(e.path());
            }
        }
    }

    /** What makes two paths one directory: its device and inode where the system has them, else its real path. */
    private static Object key(Path path, BasicFileAttributes attributes) {
        if (attributes.fileKey() != null) {
            return attributes.fileKey();
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** The entry with its attributes, or with why they could not be read; null if there is nothing to read. */
    private static Entry examine(Path path, Path relative) {
        try {
            return new Entry(path, relative, Files.readAttributes(path, BasicFileAttributes.class), null);
        } catch (IOException e) {
            // A link to nothing (its target removed, or links in a circle) holds nothing to read:
            // skipped, as before. Anything else there is something the user would want read.
            return Files.isSymbolicLink(path) ? null : new Entry(path, relative, null, reason(e));
        }
    }

    /** Why an operation failed, in the words the rest of the input errors use. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.toString();
    }
}
