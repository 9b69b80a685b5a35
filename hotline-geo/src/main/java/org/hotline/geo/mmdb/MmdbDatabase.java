package org.hotline.geo.mmdb;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.NoCache;
import com.maxmind.db.NodeCache;
import com.maxmind.db.Reader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.hotline.InputException;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.geo.FileDigest;
import org.hotline.geo.FileProblem;

/**
 * One opened MaxMind-format database file of any vendor, with what a report needs to name it: path,
 * SHA-256 of the database bytes, metadata.
 *
 * <p>A {@code .mmdb} file is memory-mapped (no load time; the OS pages it in). A {@code .mmdb.gz} file
 * is decompressed once into the per-user cache and that copy is mapped on every later run
 * ({@link UnpackedDatabases}); only when the cache cannot be written is it decompressed into the
 * heap (about its uncompressed size). Either way the SHA-256 is of the uncompressed database, so it
 * matches the vendor's file.
 *
 * <p>Hazard: a memory-mapped file must not be replaced in place while open (write a new file and
 * move it, as {@code geo update} does); close the database when done.
 */
public final class MmdbDatabase implements Closeable {

    /** Decoded-record cache size for databases with few distinct records (country: ~250). */
    public static final int SMALL_DECODE_CACHE = 4096;
    /** For databases with many distinct records (ASN: ~91,000). */
    public static final int LARGE_DECODE_CACHE = 1 << 17;
    /**
     * No cache in the reader, for callers that keep their answer per record themselves
     * ({@link DecodedRecords}): the reader's cache keys are records whose generated hashCode was
     * linked on every run by spinning ~30 method-handle classes, for a cache nothing hit. When the
     * lookups must go through the reader (no {@link RecordLocator} for the file), it gets
     * {@link #LARGE_DECODE_CACHE} after all.
     */
    public static final int OWN_DECODE_CACHE = 0;

    private final Path path;
    private final String option;
    private final Reader reader;
    private final String sha256;
    private final RecordLocator locator;

    private MmdbDatabase(Path path, String option, Reader reader, String sha256, RecordLocator locator) {
        this.path = path;
        this.option = option;
        this.reader = reader;
        this.sha256 = sha256;
        this.locator = locator;
    }

    /**
     * Opens {@code path}; {@code option} is the command-line option that named it, for the error text;
     * {@code decodeCache} bounds the decoded records kept (see {@link #SMALL_DECODE_CACHE}).
     */
    public static MmdbDatabase open(Path path, String option, int decodeCache) {
        String problem = FileProblem.of(path);
        if (problem != null) {
            throw new InputException(option + " " + path + ": " + problem);
        }
        try {
            if (path.getFileName().toString().endsWith(".gz")) {
                return openCompressed(path, option, decodeCache);
            }
            return mapped(path, option, path, RememberedDigests.sha256(path), decodeCache);
        } catch (NoSuchFileException e) {
            throw new InputException(option + " " + path + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(option + " " + path + ": not a readable MaxMind DB (.mmdb) file: " + e.getMessage(), e);
        }
    }

    /**
     * A decompressed copy from the cache when there is one ({@link UnpackedDatabases}); else
     * decompresses, stores a copy for the next run and maps it, or keeps the bytes in the heap when
     * the cache cannot be written.
     */
    private static MmdbDatabase openCompressed(Path path, String option, int decodeCache) throws IOException {
        String key = RememberedDigests.sha256(path);
        UnpackedDatabases.Unpacked cached = UnpackedDatabases.find(key);
        if (cached != null) {
            try {
                return mapped(path, option, cached.file(), cached.sha256(), decodeCache);
            } catch (IOException | RuntimeException e) {
                // the copy went away or is broken: decompress as if there were none
            }
        }
        MessageDigest digest = FileDigest.newSha256();
        byte[] bytes;
        try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(path), 1 << 16), digest)) {
            bytes = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        UnpackedDatabases.Unpacked stored = UnpackedDatabases.store(key, bytes, sha);
        if (stored != null) {
            try {
                return mapped(path, option, stored.file(), sha, decodeCache);
            } catch (IOException | RuntimeException e) {
                // fall back to the bytes in hand
            }
        }
        Reader reader = new Reader(new ByteArrayInputStream(bytes), cache(decodeCache));
        RecordLocator locator = locator(ByteBuffer.wrap(bytes), reader);
        if (locator == null && decodeCache == OWN_DECODE_CACHE) {
            reader.close();
            reader = new Reader(new ByteArrayInputStream(bytes), cache(LARGE_DECODE_CACHE));
        }
        return new MmdbDatabase(path, option, reader, sha, locator);
    }

    /** Memory-maps {@code file}, which holds the database the user named as {@code path}. */
    private static MmdbDatabase mapped(Path path, String option, Path file, String sha, int decodeCache) throws IOException {
        Reader reader = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, cache(decodeCache));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // One buffer addresses 2 GiB; a bigger file is looked up through the reader alone.
            ByteBuffer bytes = size < Integer.MAX_VALUE ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
            RecordLocator locator = bytes == null ? null : locator(bytes, reader);
            if (locator == null && decodeCache == OWN_DECODE_CACHE) {
                reader.close();
                reader = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, cache(LARGE_DECODE_CACHE));
            }
            return new MmdbDatabase(path, option, reader, sha, locator);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static NodeCache cache(int decodeCache) {
        return decodeCache == OWN_DECODE_CACHE ? NoCache.getInstance() : new CHMCache(decodeCache);
    }

    private static RecordLocator locator(ByteBuffer bytes, Reader reader) {
        Metadata m = reader.getMetadata();
        int recordSize = m.recordSize();
        boolean supported = recordSize == 24 || recordSize == 28 || recordSize == 32;
        return supported && m.nodeCount() * recordSize / 4 < bytes.capacity() ? new RecordLocator(bytes, m) : null;
    }

    public Path path() {
        return path;
    }

    public Reader reader() {
        return reader;
    }

    /** Walks the search tree without decoding, or null when this file cannot be walked directly. */
    RecordLocator locator() {
        return locator;
    }

    public Metadata metadata() {
        return reader.getMetadata();
    }

    /**
     * The error for this file when reading its records fails: its metadata was whole (it opened),
     * but its search tree or data section is not (an {@code InvalidDatabaseException} from the
     * reader, or a record that does not decode as any record can). A user's file, so a user error
     * naming the option, the file and the reader's reason, never "a bug in Hotline".
     *
     * @param found where it showed, e.g. " (found looking up 1.2.3.4 ...)", or ""
     */
    InputException corrupt(Throwable failure, String found) {
        Throwable reason = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.maxmind.db.InvalidDatabaseException) {
                reason = t;
            }
        }
        String text = reason instanceof com.maxmind.db.InvalidDatabaseException ? reason.getMessage()
                : reason.getClass().getSimpleName() + ": " + reason.getMessage();
        return new InputException(option + " " + path + " is corrupt: " + text + found, failure);
    }

    /**
     * Provenance for the report: the detected layout and where the file came from. The name is of
     * the database the SHA-256 is of: for {@code x.mmdb.gz}, {@code x.mmdb}, the uncompressed file a
     * vendor publishes (the npm package holds {@code geo-whois-asn-country.mmdb}, geo update installs
     * it as such), so a counterpart can check it with {@code sha256sum} on that file (or {@code zcat
     * x.mmdb.gz | sha256sum}); the name of the compressed file beside a hash of other bytes could not
     * be checked that way.
     */
    public DatabaseInfo info(String role, String layout, String source) {
        Metadata m = metadata();
        String built = m.buildTime().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String name = path.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        return new DatabaseInfo(role, name, layout, built, sha256, m.nodeCount(), source);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
