package org.hotline.geo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.InputException;
import org.hotline.geo.update.GeoManifest;

/**
 * Finds the default country and ASN databases, so the demo and a first analysis work offline:
 *
 * <ol>
 *   <li>the per-user directory {@code geo update} writes ({@code $XDG_DATA_HOME/hotline/geo}, else
 *       {@code ~/.local/share/hotline/geo}), when it holds a {@code manifest.json} — the newest data;</li>
 *   <li>else the bundled {@code data/geo} under the installation root given by the system property
 *       {@code hotline.home} (the launcher sets it; tests point it at the repository).</li>
 * </ol>
 *
 * Each directory's {@code manifest.json} names its files and their provenance. A missing directory,
 * manifest or file is an {@link InputException} naming every path tried.
 */
public record DefaultDatabases(Path directory, DatabaseFile country, DatabaseFile asn) {

    public static final String HOME_PROPERTY = "hotline.home";

    /** Where {@code geo update} writes by default. */
    public static Path userDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("hotline").resolve("geo");
    }

    /** The bundled directory under {@code hotline.home}, or null when the property is not set. */
    public static Path bundledDirectory() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? null : Path.of(home, "data", "geo");
    }

    public static DefaultDatabases locate() {
        return locate(userDirectory(), bundledDirectory());
    }

    /** The user directory when it has a manifest, else the bundled one; {@code bundled} may be null. */
    public static DefaultDatabases locate(Path user, Path bundled) {
        if (Files.isRegularFile(user.resolve(GeoManifest.FILE_NAME))) {
            return from(user);
        }
        if (bundled != null && Files.isRegularFile(bundled.resolve(GeoManifest.FILE_NAME))) {
            return from(bundled);
        }
        throw new InputException("no default geo databases: " + user.resolve(GeoManifest.FILE_NAME)
                + " does not exist (run `hotline geo update`) and "
                + (bundled == null ? "the system property " + HOME_PROPERTY + " (installation root) is not set"
                        : bundled.resolve(GeoManifest.FILE_NAME) + " does not exist")
                + "; or give --geo-db and --asn-db");
    }

    private static DefaultDatabases from(Path directory) {
        Path manifestFile = directory.resolve(GeoManifest.FILE_NAME);
        GeoManifest manifest = GeoManifest.read(manifestFile);
        return new DefaultDatabases(directory, file(directory, manifest, manifestFile, "country"),
                file(directory, manifest, manifestFile, "asn"));
    }

    private static DatabaseFile file(Path directory, GeoManifest manifest, Path manifestFile, String role) {
        GeoManifest.Entry entry = manifest.entry(role);
        if (entry == null) {
            throw new InputException(manifestFile + ": lists no " + role + " database");
        }
        Path path = directory.resolve(entry.file());
        if (!Files.isRegularFile(path)) {
            throw new InputException("default " + role + " database missing: " + path + " (listed in " + manifestFile + ")");
        }
        return new DatabaseFile(path, entry.source());
    }
}
