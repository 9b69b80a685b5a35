package org.hotline.geo.mmdb;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.OutputException;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * Rewrites country and ASN databases of any layout Hotline reads into MaxMind's own layouts
 * (GeoLite2-Country: {@code country.iso_code} and {@code names.en}; GeoLite2-ASN:
 * {@code autonomous_system_number}/{@code _organization}), for tools that read nothing else —
 * GoAccess, CrowdSec, Vector — and silently report "Unknown" on ip-location-db's flat layout.
 *
 * <p>Every network of the source file is read back through Hotline's own enricher for that file,
 * so the export says exactly what {@code analyze} would. Each file keeps its source's build time:
 * the data is as old as the source, and a report made with the export must date it as it would
 * the source (stamping the time of the export made a 2026-06-17 database look built today).
 */
public final class MaxMindLayoutExport {

    /** Files written and the networks each holds. */
    public record Result(Path country, long countryNetworks, Path asn, long asnNetworks) {}

    private MaxMindLayoutExport() {}

    public static Result export(Path countryDb, Path asnDb, Path directory) {
        try {
            Files.createDirectories(directory);
            Path country = directory.resolve("country.maxmind-layout.mmdb");
            Path asn = directory.resolve("asn.maxmind-layout.mmdb");
            long c = exportCountry(countryDb, country);
            long a = exportAsn(asnDb, asn);
            return new Result(country, c, asn, a);
        } catch (IOException e) {
            throw new OutputException("cannot write the databases to " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    private static long exportCountry(Path source, Path target) throws IOException {
        MmdbWriter writer;
        try (MmdbDatabase db = MmdbDatabase.open(source, "--geo-db", MmdbDatabase.SMALL_DECODE_CACHE);
             MmdbCountryEnricher lookup = MmdbCountryEnricher.open(source, "export")) {
            writer = new MmdbWriter("GeoLite2-Country", "country from " + source.getFileName()
                    + ", in GeoLite2-Country layout, written by Hotline", db.metadata().buildTime());
            for (Network network : networks(db)) {
                String cc = lookup.countryOf(first(network));
                if (cc != null) {
                    Map<String, Object> country = new LinkedHashMap<>();
                    country.put("iso_code", cc);
                    country.put("names", Map.of("en", new Locale("", cc).getDisplayCountry(Locale.ENGLISH)));
                    insert(writer, network, Map.of("country", country));
                }
            }
        }
        write(writer, target);
        return writer.networks();
    }

    private static long exportAsn(Path source, Path target) throws IOException {
        MmdbWriter writer;
        try (MmdbDatabase db = MmdbDatabase.open(source, "--asn-db", MmdbDatabase.SMALL_DECODE_CACHE);
             MmdbAsnEnricher lookup = MmdbAsnEnricher.open(source, "export")) {
            writer = new MmdbWriter("GeoLite2-ASN", "AS numbers from " + source.getFileName()
                    + ", in GeoLite2-ASN layout, written by Hotline", db.metadata().buildTime());
            for (Network network : networks(db)) {
                Origin o = lookup.enrich(first(network), Origin.UNKNOWN);
                if (o.asn() >= 0) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("autonomous_system_number", o.asn());
                    if (o.asOrganization() != null) {
                        record.put("autonomous_system_organization", o.asOrganization());
                    }
                    insert(writer, network, record);
                }
            }
        }
        write(writer, target);
        return writer.networks();
    }

    /** Every network of the file; a damaged tree or record met on the way is the file's fault, said as such. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Iterable<Network> networks(MmdbDatabase db) {
        String found = " (found reading its networks for the export)";
        return () -> {
            try {
                Networks<Map> all = db.reader().networks(Map.class);
                return new java.util.Iterator<>() {
                    public boolean hasNext() {
                        try {
                            return all.hasNext();
                        } catch (RuntimeException e) {
                            throw db.corrupt(e, found);
                        }
                    }

                    public Network next() {
                        try {
                            return ((DatabaseRecord) all.next()).network();
                        } catch (RuntimeException e) {
                            throw db.corrupt(e, found);
                        }
                    }
                };
            } catch (java.io.IOException | com.maxmind.db.InvalidNetworkException | RuntimeException e) {
                throw db.corrupt(e, found);
            }
        };
    }

    private static IpAddress first(Network n) {
        return IpAddress.of(n.networkAddress());
    }

    private static void insert(MmdbWriter writer, Network n, Map<String, ?> data) {
        IpAddress ip = first(n);
        int prefix = n.prefixLength();
        // The IPv4 part of an IPv6 tree comes back as ::ffff:a.b.c.d/(96 + p): write it as a.b.c.d/p.
        if (ip.isV4() && n.networkAddress() instanceof Inet6Address) {
            prefix -= 96;
        }
        if (prefix >= 1) {
            writer.insertNetwork(ip, prefix, data);
        }
    }

    private static void write(MmdbWriter writer, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            writer.write(out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
