package org.hotline.geo.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.hotline.HotlineException;
import org.hotline.InputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of a geo data directory (the bundled {@code data/geo} or the per-user
 * directory {@code geo update} fills): which file holds which database, from which package version,
 * with which hashes and licence, so a report can name exactly what it used.
 */
public record GeoManifest(int format, List<Entry> databases) {

    public static final String FILE_NAME = "manifest.json";

    /**
     * One database of the directory.
     *
     * @param role        "country" or "asn"
     * @param file        file name inside the directory ({@code .mmdb} or {@code .mmdb.gz})
     * @param packageName npm package it came from
     * @param version     npm version
     * @param integrity   the npm tarball's {@code dist.integrity} (sha512, verified on download)
     * @param sha256      hex SHA-256 of the uncompressed database
     * @param buildDate   the database's build date (ISO-8601)
     * @param updated     when it was written here (ISO-8601 instant)
     * @param source      provenance and licence text for reports
     */
    public record Entry(String role, String file, String packageName, String version, String integrity,
                        String sha256, String buildDate, String updated, String source) {}

    public GeoManifest {
        databases = List.copyOf(databases);
    }

    /** The entry for {@code role}, or null. */
    public Entry entry(String role) {
        for (Entry e : databases) {
            if (e.role().equals(role)) {
                return e;
            }
        }
        return null;
    }

    public static GeoManifest read(Path file) {
        try {
            return JsonMapper.shared().readValue(file.toFile(), GeoManifest.class);
        } catch (JacksonException e) {
            throw new InputException(file + ": not a Hotline geo manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes atomically: a temporary file beside, then a move. */
    public void write(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HotlineException("writing " + file, e);
        }
    }
}
