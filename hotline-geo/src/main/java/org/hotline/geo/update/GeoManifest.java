package org.hotline.geo.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.OutputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of a geo data directory (the bundled {@code data/geo} or the per-user
 * directory {@code geo update} fills): which file holds which database, from which package version,
 * with which hashes and licence, so a report can name exactly what it used.
 */
public record GeoManifest(int format, List<Entry> databases) {

    public static final String FILE_NAME = "manifest.json";
    /** Jackson's streaming side alone, for {@link #read}. */
    private static final JsonFactory STREAMS = new JsonFactory();

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

    /**
     * Reads a manifest with Jackson's streaming parser, not its data binder: every analysis reads
     * one (on the thread that opens the databases, beside the first blocks), and building the
     * binder and a record deserializer for these two records was 140 ms of CPU on a 2-core
     * machine busy with the blocks. Names it does not know are skipped, as the binder did.
     */
    public static GeoManifest read(Path file) {
        try (JsonParser p = STREAMS.createParser(ObjectReadContext.empty(), file)) {
            expect(p, p.nextToken() == JsonToken.START_OBJECT, "an object");
            int format = 0;
            List<Entry> databases = new ArrayList<>();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                if (name.equals("format")) {
                    expect(p, value == JsonToken.VALUE_NUMBER_INT, "a whole number for \"format\"");
                    format = p.getIntValue();
                } else if (name.equals("databases") && value != JsonToken.VALUE_NULL) {
                    expect(p, value == JsonToken.START_ARRAY, "a list for \"databases\"");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        databases.add(entry(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return new GeoManifest(format, databases);
        } catch (JacksonException e) {
            throw new InputException(file + ": not a Hotline geo manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** One entry, the parser at its START_OBJECT; string fields only, a missing one null. */
    private static Entry entry(JsonParser p) {
        Map<String, String> fields = new HashMap<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(name, p.getString());
            } else {
                expect(p, value == JsonToken.VALUE_NULL || value.isStructStart() || value.isScalarValue(), "a value");
                p.skipChildren();
            }
        }
        return new Entry(fields.get("role"), fields.get("file"), fields.get("packageName"), fields.get("version"),
                fields.get("integrity"), fields.get("sha256"), fields.get("buildDate"), fields.get("updated"),
                fields.get("source"));
    }

    private static void expect(JsonParser p, boolean met, String what) {
        if (!met) {
            throw new StreamReadException(p, "expected " + what + " at " + p.currentTokenLocation());
        }
    }

    /** Writes atomically: a temporary file beside, then a move. */
    public void write(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
