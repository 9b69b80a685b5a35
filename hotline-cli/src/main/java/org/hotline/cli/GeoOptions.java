package org.hotline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.EnricherChain;
import org.hotline.geo.Enrichers;
import org.hotline.geo.GeoSources;
import picocli.CommandLine.Option;

/** The geolocation options shared by {@code analyze}, {@code demo} and {@code geo}. */
final class GeoOptions {
    @Option(names = "--geo-db", paramLabel = "FILE",
            description = {"Country database: a MaxMind-format .mmdb of any vendor (GeoLite2/GeoIP2, DB-IP, IPinfo,"
                    + " ip-location-db; layout detected) or an ip-location-db range CSV. Repeatable (e.g. IPv4 and IPv6 CSVs).",
                    "Default: the database `hotline geo update` installed, else the bundled open one."})
    List<Path> geoDb = new ArrayList<>();

    @Option(names = "--asn-db", paramLabel = "FILE",
            description = {"AS number/organisation database (.mmdb of any vendor, or range CSV). Repeatable.",
                    "Default: the database `hotline geo update` installed, else the bundled open one."})
    List<Path> asnDb = new ArrayList<>();

    @Option(names = "--tor-exits", paramLabel = "FILE",
            description = {"Tor exit list: the Tor Project's exit-addresses format, or one address per line.",
                    "Sources on it are reported as anonymised, origin unknown. None by default."})
    Path torExits;

    EnricherChain open() {
        return Enrichers.assemble(GeoSources.withDefaults(geoDb, asnDb, torExits, DefaultDatabases::locate));
    }
}
