package org.hotline.geo;

import java.nio.file.Path;

/**
 * A database file to open and the provenance text its {@link org.hotline.enrich.DatabaseInfo} will
 * carry ("npm @ip-location-db/asn 2.3.2026061719 (CC BY 4.0 ...)", or "user file (--geo-db)").
 */
public record DatabaseFile(Path path, String source) {

    /** A file the user named on the command line. */
    public static DatabaseFile given(Path path, String option) {
        return new DatabaseFile(path, "user file (" + option + ")");
    }

    /** True for a range CSV ({@code .csv}); otherwise the file is read as a MaxMind DB. */
    public boolean isCsv() {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }
}
