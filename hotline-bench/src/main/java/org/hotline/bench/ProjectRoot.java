package org.hotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.geo.DefaultDatabases;

/**
 * The repository root, where the benchmarks' real inputs live (samples/logs, data/geo). The inputs
 * are not copied into the jar: they are the same files {@code hotline analyze} is demonstrated on,
 * and the geo databases are too big to ship twice.
 *
 * <p>Taken from the system property {@code hotline.home} (the one the launcher and
 * {@link DefaultDatabases} already use for the installation root), else found by walking up from the
 * working directory, so both {@code bench/jmh.sh} at the root and Maven's tests in
 * {@code hotline-bench/} find it. JMH forks inherit the working directory and the {@code -D} flags.
 */
public final class ProjectRoot {

    /** A file only the Hotline repository has; its presence marks the root. */
    static final String MARKER = "samples/logs/web/access.log.gz";

    private ProjectRoot() {}

    public static Path find() {
        String home = System.getProperty(DefaultDatabases.HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(MARKER))) {
                throw new IllegalStateException("-D" + DefaultDatabases.HOME_PROPERTY + "=" + home
                        + " is not the Hotline repository: " + root.resolve(MARKER) + " does not exist");
            }
            return root;
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Hotline repository (" + MARKER + ") in " + start
                + " or any parent: run from inside the repository or pass -D" + DefaultDatabases.HOME_PROPERTY
                + "=/path/to/hotline");
    }
}
