package org.hotline.geo.update;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.OutputException;

/**
 * A new set of files for a geo data directory, prepared in a hidden folder inside it and put in
 * place all together or not at all by {@link #commit}: the databases first, {@code manifest.json}
 * last, each by a rename within the directory (atomic: a reader sees the old file or the new one,
 * never half of one).
 *
 * <p>Why: {@code geo update} replaced each database as soon as it was ready and wrote the manifest
 * at the end, so when the second package failed the first file was new and the manifest still named
 * the old package, version and hash — every report then described a file it was not reading. Here
 * nothing in the directory changes until every file is downloaded, verified, converted and opened;
 * the renames cannot run out of space, and should one fail anyway the files already moved are put
 * back from the links kept of the old ones.
 *
 * <p>Hazard: a process killed between the renames (microseconds) leaves a new database under the old
 * manifest; {@code geo update} finds it by its hash and installs again. A run killed at any time
 * leaves its {@code .update-*} folder (tens of MB of downloads): the next update removes those
 * untouched for {@link #ABANDONED} — an update running beside it keeps writing into its own.
 */
final class StagedInstall implements AutoCloseable {

    /** A staging folder not written for this long belongs to a run that was killed: no update takes an hour. */
    static final Duration ABANDONED = Duration.ofHours(1);

    private final Path directory;
    private final Path staging;
    /** Name in the directory → the staged file that will take it. */
    private final Map<String, Path> files = new LinkedHashMap<>();

    private StagedInstall(Path directory, Path staging) {
        this.directory = directory;
        this.staging = staging;
    }

    /** A staging folder inside {@code directory} (created if need be), on the same file system. */
    static StagedInstall in(Path directory) {
        try {
            Files.createDirectories(directory);
            removeAbandoned(directory, Instant.now().minus(ABANDONED));
            return new StagedInstall(directory, Files.createTempDirectory(directory, ".update-"));
        } catch (IOException e) {
            throw new OutputException("cannot prepare the update in " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    /** Removes the staging folders of killed runs: {@code .update-*} folders last written before {@code cutoff}. */
    static void removeAbandoned(Path directory, Instant cutoff) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, ".update-*")) {
            for (Path leftover : leftovers) {
                if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                    delete(leftover);
                }
            }
        } catch (IOException e) {
            // Only wasted space stays; the update itself does not depend on it.
        }
    }

    /** A fresh folder for one package's work (its tarball, extracted entries, the converted file). */
    Path workspace(String name) {
        try {
            return Files.createDirectory(staging.resolve(name));
        } catch (IOException e) {
            throw new OutputException("cannot prepare the update in " + staging + " (" + e.getMessage() + ")", e);
        }
    }

    /** {@code staged} (inside this staging folder) is to become {@code name} in the directory. */
    void add(String name, Path staged) {
        files.put(name, staged);
    }

    /**
     * Moves every added file into the directory and then {@code manifest} as {@code manifest.json},
     * the one step that makes the new set current; on a failure puts the old files back and throws.
     */
    void commit(GeoManifest manifest) {
        Path newManifest = staging.resolve(GeoManifest.FILE_NAME);
        manifest.write(newManifest);   // written before anything moves: a full disk stops the update here
        List<Path[]> done = new ArrayList<>();   // {target, kept copy of the old file or null}
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                Path target = directory.resolve(f.getKey());
                Path kept = keep(target);
                Files.move(f.getValue(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                done.add(new Path[] {target, kept});
            }
            Files.move(newManifest, directory.resolve(GeoManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            List<IOException> undoFailures = undo(done);
            OutputException failure = new OutputException("cannot install the update into " + directory + " ("
                    + e.getMessage() + "); " + (undoFailures.isEmpty() ? "the previous files were put back"
                    : "putting the previous files back failed too (" + undoFailures.get(0).getMessage() + ")"), e);
            undoFailures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /**
     * A hard link to the file {@code target} names now, in the staging folder, so it can be put back;
     * a copy where the file system has no hard links; null when there is no such file.
     */
    private Path keep(Path target) throws IOException {
        if (!Files.isRegularFile(target)) {
            return null;
        }
        Path kept = staging.resolve("previous-" + target.getFileName());
        try {
            Files.createLink(kept, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, kept, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return kept;
    }

    /** Puts back, newest first, what the commit replaced; a new file with no old one is removed. */
    private static List<IOException> undo(List<Path[]> done) {
        List<IOException> failures = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            Path target = done.get(i)[0];
            Path kept = done.get(i)[1];
            try {
                if (kept == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.move(kept, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** Removes the staging folder and whatever is left in it. */
    @Override
    public void close() {
        delete(staging);
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover staging folder is harmless; the update's own result matters more.
        }
    }
}
