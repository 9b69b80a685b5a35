package org.hotline.geo.mmdb;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.hotline.InputException;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.geo.FileDigest;

/**
 * One opened MaxMind-format database file of any vendor, with what a report needs to name it: path,
 * SHA-256 of the database bytes, metadata.
 *
 * <p>A {@code .mmdb} file is memory-mapped (no load time; the OS pages it in). A {@code .mmdb.gz} file
 * is decompressed into the heap once (about its uncompressed size) — the price of a smaller
 * repository. Either way the SHA-256 is of the uncompressed database, so it matches the vendor's file.
 *
 * <p>Hazard: a memory-mapped file must not be replaced in place while open (write a new file and
 * move it, as {@code geo update} does); close the database when done.
 */
public final class MmdbDatabase implements Closeable {

    /** Decoded-record cache size for databases with few distinct records (country: ~250). */
    public static final int SMALL_DECODE_CACHE = 4096;
    /** For databases with many distinct records (ASN: ~91,000). */
    public static final int LARGE_DECODE_CACHE = 1 << 17;

    private final Path path;
    private final Reader reader;
    private final String sha256;

    private MmdbDatabase(Path path, Reader reader, String sha256) {
        this.path = path;
        this.reader = reader;
        this.sha256 = sha256;
    }

    /**
     * Opens {@code path}; {@code option} is the command-line option that named it, for the error text;
     * {@code decodeCache} bounds the decoded records kept (see {@link #SMALL_DECODE_CACHE}).
     */
    public static MmdbDatabase open(Path path, String option, int decodeCache) {
        if (!Files.isRegularFile(path)) {
            throw new InputException(option + " " + path + ": no such file");
        }
        try {
            if (path.getFileName().toString().endsWith(".gz")) {
                MessageDigest digest = FileDigest.newSha256();
                try (InputStream in = new DigestInputStream(
                        new GZIPInputStream(Files.newInputStream(path), 1 << 16), digest)) {
                    Reader reader = new Reader(in, new CHMCache(decodeCache));
                    return new MmdbDatabase(path, reader, HexFormat.of().formatHex(digest.digest()));
                }
            }
            String sha = FileDigest.sha256(path);
            return new MmdbDatabase(path, new Reader(path.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache(decodeCache)), sha);
        } catch (NoSuchFileException e) {
            throw new InputException(option + " " + path + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(option + " " + path + ": not a readable MaxMind DB (.mmdb) file: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public Reader reader() {
        return reader;
    }

    public Metadata metadata() {
        return reader.getMetadata();
    }

    /** Provenance for the report: the detected layout and where the file came from. */
    public DatabaseInfo info(String role, String layout, String source) {
        Metadata m = metadata();
        String built = m.buildTime().atZone(ZoneOffset.UTC).toLocalDate().toString();
        return new DatabaseInfo(role, path.getFileName().toString(), layout, built, sha256, m.nodeCount(), source);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
