package org.hotline.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.EnricherChain;
import org.hotline.geo.update.GeoUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Geolocation databases: what is in use, look addresses up, and refresh the defaults. */
@Command(name = "geo", description = "Show, query and update the geolocation databases.",
        subcommands = {GeoCommand.Info.class, GeoCommand.Lookup.class, GeoCommand.Update.class, GeoCommand.Export.class})
final class GeoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "info", description = "List the databases analyze would use: layout, build date, SHA-256, source and licence.",
            footer = {"", "Examples:",
                    "  hotline geo info",
                    "  hotline geo info --json",
                    "  hotline geo info --geo-db GeoLite2-Country.mmdb --asn-db GeoLite2-ASN.mmdb",
                    "", ExitCodes.HELP})
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        GeoOptions geo;
        @Option(names = "--json", description = "Print as JSON, for scripts.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (EnricherChain chain = geo.open()) {
                if (json) {
                    ArrayNode array = Json.MAPPER.createArrayNode();
                    chain.databases().forEach(d -> array.add(Json.MAPPER.valueToTree(d)));
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return ExitCodes.OK;
                }
                for (DatabaseInfo d : chain.databases()) {
                    out.printf("%-13s %s%n", d.role(), d.name());
                    out.printf("%-13s layout %s, built %s, %s entries%n", "", d.layout(),
                            d.buildDate() == null ? "(unknown)" : d.buildDate(), d.entries() < 0 ? "?" : String.format("%,d", d.entries()));
                    if (d.sha256() != null) {
                        out.printf("%-13s sha256 %s%n", "", d.sha256());
                    }
                    out.printf("%-13s %s%n", "", d.source());
                    if (d.warning() != null) {
                        out.printf("%-13s warning: %s%n", "", d.warning());
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "lookup", description = {
            "Look addresses up the way analyze does: country, AS, flags.",
            "With - the addresses are read from standard input, one per line (blank lines skipped), and printed"
                    + " in that order. A line there that is not an address is named with its line number and skipped,"
                    + " and the exit code is then 1; an address on the command line that is not one is a usage"
                    + " error (2), found before any lookup."},
            footer = {"", "Examples:",
                    "  hotline geo lookup 83.149.9.216 2001:4860:4860::8888",
                    "  cut -d' ' -f1 access.log | sort -u | hotline geo lookup --json -   (every client of a web log)",
                    "", ExitCodes.HELP})
    static final class Lookup implements Callable<Integer> {
        /** Lines of standard input that are not addresses: the first ones are named, the rest counted. */
        private static final int NAMED_BAD_LINES = 10;

        @Spec
        CommandSpec spec;
        @Mixin
        GeoOptions geo;
        @Option(names = "--json", description = "Print as JSON, for scripts.")
        boolean json;
        @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "IPv4 or IPv6 addresses, or - to read them from standard input.")
        List<String> addresses;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            // A wrong argument is a usage error, found before standard input is read or the databases open.
            List<IpAddress> given = new ArrayList<>();   // null where the argument is -
            for (String a : addresses) {
                given.add(a.equals("-") ? null : IpAddress.parse(a));
            }
            List<IpAddress> parsed = new ArrayList<>();
            int badLines = 0;
            for (IpAddress g : given) {
                if (g != null) {
                    parsed.add(g);
                    continue;
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                long number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    String text = line.strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    IpAddress ip = IpAddress.parseOrNull(text);
                    if (ip != null) {
                        parsed.add(ip);
                    } else if (++badLines <= NAMED_BAD_LINES) {
                        err.println("hotline: -: line " + number + ": not an IP address: '" + excerpt(text) + "'; skipped");
                    }
                }
            }
            if (badLines > NAMED_BAD_LINES) {
                err.println("hotline: -: " + (badLines - NAMED_BAD_LINES) + " more lines that are not IP addresses skipped");
            }
            try (EnricherChain chain = geo.open()) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (IpAddress ip : parsed) {
                    Origin o = chain.enrich(ip, Origin.UNKNOWN);
                    if (json) {
                        ObjectNode n = array.addObject();
                        n.put("address", ip.toString());
                        n.put("country", o.country());
                        if (o.asn() >= 0) {
                            n.put("asn", o.asn());
                        } else {
                            n.putNull("asn");
                        }
                        n.put("asOrganization", o.asOrganization());
                        ArrayNode flags = n.putArray("flags");
                        flagNames(o).forEach(flags::add);
                    } else {
                        out.printf("%-40s %-3s %-10s %s%s%n", ip, o.country() == null ? "-" : o.country(),
                                o.asn() < 0 ? "-" : "AS" + o.asn(), o.asOrganization() == null ? "" : o.asOrganization(),
                                o.flags().isEmpty() ? "" : "  [" + String.join(", ", flagNames(o)) + "]");
                    }
                }
                if (json) {
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                }
            }
            return badLines > 0 ? ExitCodes.INPUT_PROBLEM : ExitCodes.OK;
        }

        /**
         * The flags as the JSON output, the report and --events-out spell them ("non-routable",
         * "tor-exit"), in text as in JSON: the text printed the enum's own names ([NON_ROUTABLE]).
         */
        private static List<String> flagNames(Origin o) {
            return o.flags().stream().sorted().map(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
        }

        /** Enough of a bad line to recognise it, not a whole pasted log line. */
        private static String excerpt(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }

    @Command(name = "export", description = {
            "Write the country and ASN databases in use in MaxMind's own layouts.",
            "The layouts are GeoLite2-Country's and GeoLite2-ASN's, for tools that read nothing else (GoAccess,"
                    + " CrowdSec, Vector) and show 'Unknown' on other layouts."},
            footer = {"", "Examples:",
                    "  hotline geo export --maxmind /var/lib/goaccess/geo   (for GoAccess's --geoip-database)",
                    "", ExitCodes.HELP})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--maxmind", paramLabel = "DIR", required = true, description = "Directory to write the two .mmdb files to.")
        Path dir;
        @Option(names = "--geo-db", paramLabel = "FILE", description = "Country .mmdb to export (default: the one `hotline geo update` installed, else the bundled one).")
        Path geoDb;
        @Option(names = "--asn-db", paramLabel = "FILE", description = "ASN .mmdb to export (default: the one `hotline geo update` installed, else the bundled one).")
        Path asnDb;

        @Override
        public Integer call() {
            DefaultDatabases defaults = geoDb == null || asnDb == null ? DefaultDatabases.locate() : null;
            Path country = geoDb != null ? geoDb : defaults.country().path();
            Path asn = asnDb != null ? asnDb : defaults.asn().path();
            var result = org.hotline.geo.mmdb.MaxMindLayoutExport.export(country, asn, dir);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %,d networks (GeoLite2-Country layout, from %s)%n", result.country(), result.countryNetworks(), country);
            out.printf("%s: %,d networks (GeoLite2-ASN layout, from %s)%n", result.asn(), result.asnNetworks(), asn);
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", description = {
            "Download the newest open databases and install them where analyze finds them.",
            "They come from the npm registry (the @ip-location-db packages); their integrity is verified and the"
                    + " ASN ranges are converted to .mmdb."},
            footer = {"", "Examples:",
                    "  hotline geo update",
                    "  hotline geo update --pin @ip-location-db/asn=2.3.2026061719",
                    "  hotline geo update --dir /srv/hotline/geo",
                    "", ExitCodes.HELP})
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--dir", paramLabel = "DIR", description = "Install here (default: ${DEFAULT-VALUE}).")
        Path dir = DefaultDatabases.userDirectory();
        @Option(names = "--registry", paramLabel = "URL", description = "npm registry (default: ${DEFAULT-VALUE}).")
        URI registry = GeoUpdate.NPM_REGISTRY;
        @Option(names = "--pin", paramLabel = "PACKAGE=VERSION",
                description = "Install this version of a package instead of its latest. The packages are"
                        + " @ip-location-db/geo-whois-asn-country-mmdb and @ip-location-db/asn, e.g. @ip-location-db/asn=2.3.2026061719.")
        Map<String, String> versions = new LinkedHashMap<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GeoUpdate.Result result = new GeoUpdate(registry, line -> {
                err.println(line);
                err.flush();
            }).update(dir, versions);
            result.changes().forEach(c -> out.println(c.describe()));
            out.println("installed in " + result.directory());
            return ExitCodes.OK;
        }
    }
}
