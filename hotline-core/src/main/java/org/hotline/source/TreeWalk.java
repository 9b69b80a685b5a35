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
import java.util.List;

/**
 * Lists the files below a directory that a {@link Scope} asks for, depth first, each directory's
 * entries in name order.
 *
 * <p>Hazard: a directory that cannot be listed (no permission, removed while the walk runs) or an
 * entry that cannot be examined is reported to {@link Found#failed} and the walk goes on beside it.
 * It used to end the whole expansion, and with it the run: one {@code chmod 700} subdirectory among
 * readable logs meant exit 2 and no report at all.
 */
final class TreeWalk {
    private TreeWalk() {}

    /** Which entries a walk looks at, by their path relative to the root it started from. */
    interface Scope {
        /** A regular file here is wanted. */
        boolean takes(Path relative);

        /** A directory here may hold wanted files, so it is listed. */
        boolean enters(Path relative);
    }

    /** What a walk finds, in the order it finds it. */
    interface Found {
        void file(Path file);

        /** @param problem why {@code path} could not be listed or examined, for the user */
        void failed(Path path, String problem);
    }

    static void walk(Path root, Scope scope, Found found) {
        list(root, Path.of(""), scope, found);
    }

    private record Entry(Path path, Path relative, BasicFileAttributes attributes) {}

    private static void list(Path dir, Path relative, Scope scope, Found found) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                Path rel = relative.resolve(path.getFileName().toString());
                if (scope.takes(rel) || scope.enters(rel)) {
                    BasicFileAttributes attributes = examine(path, found);
                    if (attributes != null) {
                        entries.add(new Entry(path, rel, attributes));
                    }
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            found.failed(dir, "cannot list directory (" + reason(cause) + ")");
            return;
        }
        entries.sort(Comparator.comparing(e -> e.path().getFileName().toString()));
        for (Entry e : entries) {
            if (e.attributes().isDirectory()) {
                // Not through a link: a link back up would be walked for ever.
                if (scope.enters(e.relative()) && !Files.isSymbolicLink(e.path())) {
                    list(e.path(), e.relative(), scope, found);
                }
            } else if (e.attributes().isRegularFile() && scope.takes(e.relative())) {
                found.file(e.path());
            }
        }
    }

    /** The entry's attributes, through a link; null if there is nothing to read. */
    private static BasicFileAttributes examine(Path path, Found found) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            // A link to nothing (its target removed, or links in a circle) holds nothing to read:
            // skipped, as before. Anything else there is something the user would want read.
            if (!Files.isSymbolicLink(path)) {
                found.failed(path, reason(e));
            }
            return null;
        }
    }

    /** Why an operation failed, in the words the rest of the input errors use. */
    static String reason(IOException e) {
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
