package org.hotline.geo.update;

import java.util.List;

/**
 * One npm package Hotline takes a default database from, with what to extract and the licence
 * terms to carry into every report that uses it. {@link #DEFAULTS} is the literal list.
 *
 * @param role        "country" or "asn"
 * @param name        npm package name
 * @param pinned      the version bundled in the repository's {@code data/geo}
 * @param entries     tarball entries to use, in order ({@code package/...})
 * @param output      file written into the data directory
 * @param convertCsv  true when the entries are ASN CSVs to convert into {@link #output}
 * @param licence     the licence terms and attributions the data requires
 */
public record GeoPackage(String role, String name, String pinned, List<String> entries, String output,
                         boolean convertCsv, String licence) {

    /** Country first, then ASN: the order of {@code geo update}'s output. */
    public static final List<GeoPackage> DEFAULTS = List.of(
        new GeoPackage("country", "@ip-location-db/geo-whois-asn-country-mmdb", "2.3.2026061719",
            List.of("package/geo-whois-asn-country.mmdb"), "geo-whois-asn-country.mmdb", false,
            "CC BY 4.0, data by the Number Resource Organization (nro.net) and the RIRs; package CC0-1.0 by sapics/ip-location-db"),
        new GeoPackage("asn", "@ip-location-db/asn", "2.3.2026061719",
            List.of("package/asn-ipv4.csv", "package/asn-ipv6.csv"), "asn.mmdb", true,
            "CC BY 4.0, data by RouteViews (routeviews.org), the NRO (nro.net) and DB-IP: "
                + "IP Geolocation by DB-IP, https://db-ip.com; converted to mmdb by Hotline"));

    public GeoPackage {
        entries = List.copyOf(entries);
    }

    /** The text a {@link org.hotline.enrich.DatabaseInfo} carries as its source. */
    public String source(String version) {
        return "npm " + name + " " + version + " (" + licence + ")";
    }
}
