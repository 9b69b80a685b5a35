package org.hotline.geo;

import java.nio.file.Path;

/**
 * Where the tests' real data lives. Maven runs tests from the module directory, so the repository's
 * bundled databases are one level up.
 */
public final class GeoTestData {

    /** The bundled default databases (data/geo in the repository root). */
    public static final Path BUNDLED = Path.of("../data/geo");
    public static final Path BUNDLED_COUNTRY = BUNDLED.resolve("geo-whois-asn-country.mmdb.gz");
    public static final Path BUNDLED_ASN = BUNDLED.resolve("asn.mmdb.gz");

    /** Fixtures written by MaxMind's Perl writer (src/test/tools/make-mmdb-fixtures.pl). */
    public static final Path MMDB = Path.of("src/test/resources/enrich/mmdb");
    /** Slices of the real ip-location-db CSVs, written by the same script. */
    public static final Path CSV = Path.of("src/test/resources/enrich/csv");
    public static final Path TOR = Path.of("src/test/resources/enrich/tor");
    public static final Path ADDRESSES = Path.of("src/test/resources/enrich/addresses");
    public static final Path NPM = Path.of("src/test/resources/enrich/npm");

    private GeoTestData() {}
}
