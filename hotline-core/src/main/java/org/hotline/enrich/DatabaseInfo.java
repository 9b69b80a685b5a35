package org.hotline.enrich;

/**
 * Provenance of a database an enricher read, printed in every report so a counterpart can re-run
 * the analysis with the same data (ATTRIBUTION-NOTES C3.10).
 *
 * @param role      what it was used for: "country", "asn", "tor-exits", "non-routable"
 * @param name      file name or built-in list name
 * @param layout    the record layout detected ("geolite2-country", "ip-location-db-country",
 *                  "ipinfo-lite", "geolite2-asn", "range-csv", ...)
 * @param buildDate ISO-8601 date the database was built (mmdb build_epoch), or null when unknown
 * @param sha256    hex SHA-256 of the file, or null for built-in lists
 * @param entries   records, ranges or addresses it holds, -1 when unknown
 * @param source    where it came from and its licence terms, e.g. "npm @ip-location-db/asn 2.3.2026061719 (CC BY 4.0)"
 * @param warning   what a reader of the report must know about how the file was read (rows skipped
 *                  as malformed, with their line numbers), or null when it was read whole
 */
public record DatabaseInfo(String role, String name, String layout, String buildDate, String sha256,
                           long entries, String source, String warning) {

    /** A database read whole, with nothing to warn about. */
    public DatabaseInfo(String role, String name, String layout, String buildDate, String sha256, long entries, String source) {
        this(role, name, layout, buildDate, sha256, entries, source, null);
    }
}
