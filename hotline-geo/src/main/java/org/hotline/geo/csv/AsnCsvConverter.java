package org.hotline.geo.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.OutputException;
import org.hotline.geo.mmdb.MmdbWriter;

/**
 * Converts ip-location-db's ASN CSVs ({@code start,end,asn,org}, IPv4 and IPv6, text or {@code -num}
 * form) into one MaxMind DB in the GeoLite2-ASN layout ({@code autonomous_system_number} as uint32,
 * {@code autonomous_system_organization}), because the project publishes no ASN {@code .mmdb} on npm.
 * The result is memory-mapped at run time, so ASN lookups cost no load time.
 *
 * <p>The file is written next to the target and moved into place, so a reader never sees half a file.
 * Memory: about 0.5 GB of heap for the full data (tree + data values) during the conversion.
 */
public final class AsnCsvConverter {

    /** The database_type written; {@link org.hotline.geo.mmdb.MmdbAsnEnricher} reports it as "ip-location-db-asn". */
    public static final String DATABASE_TYPE = "ip-location-db-ASN (converted by Hotline)";

    /** What a conversion read and wrote. */
    public record Conversion(List<LoadReport> inputs, long networks, int records, long bytes) {}

    private AsnCsvConverter() {}

    /**
     * Reads {@code csvs} in order and writes {@code target} atomically.
     *
     * @param buildTime the build_epoch to record: the data's date, not today, so the output is reproducible
     */
    public static Conversion convert(List<Path> csvs, Path target, Instant buildTime, String description) {
        List<Map<String, ?>> records = new ArrayList<>();
        Map<Map<String, ?>, Integer> index = new HashMap<>();
        RangeCsvFiles loaded = RangeCsvFiles.load(csvs, values -> {
            long asn = org.hotline.geo.AsNumbers.parse(values.get(0));
            if (asn < 0) {
                throw new RangeCsvFiles.BadValue("column 3 (asn): not an AS number: '" + values.get(0) + "'");
            }
            String org = values.size() > 1 ? values.get(1).strip() : "";
            return index.computeIfAbsent(org.isEmpty()
                    ? Map.of("autonomous_system_number", asn)
                    : Map.of("autonomous_system_number", asn, "autonomous_system_organization", org), r -> {
                        records.add(r);
                        return records.size() - 1;
                    });
        });
        // In address order, IPv4 first: for sorted input files (IPv4, then IPv6) the order they were
        // inserted in before, so the same data still gives the same bytes.
        MmdbWriter writer = new MmdbWriter(DATABASE_TYPE, description, buildTime);
        loaded.table().forEach((first, last, value) -> writer.insertRange(first, last, records.get(value)));
        List<LoadReport> reports = loaded.reports();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Conversion(reports, writer.networks(), writer.records(), Files.size(target));
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + " (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The move succeeded or the error above is the one to report.
            }
        }
    }
}
