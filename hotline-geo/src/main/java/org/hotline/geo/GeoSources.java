package org.hotline.geo;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the enricher chain should read: country and ASN databases (MaxMind DB or range CSV files,
 * several CSVs allowed, e.g. the IPv4 and the IPv6 file), and an optional Tor exit list. An empty
 * list leaves that enricher out.
 */
public record GeoSources(List<DatabaseFile> country, List<DatabaseFile> asn, Path torExits) {

    public GeoSources {
        country = List.copyOf(country);
        asn = List.copyOf(asn);
    }

    /**
     * The files the user gave, falling back to the default databases ({@link DefaultDatabases}) for
     * country and ASN when none was given (located only then, so a user with
     * both files needs no defaults installed).
     */
    public static GeoSources withDefaults(List<Path> geoDb, List<Path> asnDb, Path torExits,
                                          Supplier<DefaultDatabases> defaults) {
        List<DatabaseFile> country = geoDb.isEmpty() ? List.of(defaults.get().country())
                : geoDb.stream().map(p -> DatabaseFile.given(p, "--geo-db")).toList();
        List<DatabaseFile> asn = asnDb.isEmpty() ? List.of(defaults.get().asn())
                : asnDb.stream().map(p -> DatabaseFile.given(p, "--asn-db")).toList();
        return new GeoSources(country, asn, torExits);
    }
}
