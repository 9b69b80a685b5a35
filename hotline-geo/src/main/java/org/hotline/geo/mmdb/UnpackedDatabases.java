package org.hotline.geo.mmdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Decompressed copies of {@code .mmdb.gz} databases in the per-user cache directory, so that only
 * the first run pays for gunzip and every later one memory-maps the copy (the OS shares its pages
 * between runs) instead of inflating ~18 MB into the heap.
 *
 * <p>A copy is named by the SHA-256 of the compressed file, so a changed {@code .gz} never meets a
 * stale copy; next to it a {@code .sha256} file holds the SHA-256 of the decompressed bytes, which
 * is checked against the copy on every use (a truncated or altered copy is deleted and rebuilt) and
 * is the hash the report names, as without the cache. The copy's own digest is remembered by size
 * and time ({@link RememberedDigests}), so the check costs a hash only when the copy changed.
 *
 * <p>Everything here is best effort: a cache directory that cannot be created, read or written
 * means the caller decompresses into the heap as before. Copies and hash files are written under a
 * temporary name and moved into place, so a concurrent run sees a whole file or none.
 */
final class UnpackedDatabases {

    /** Overrides the directory (tests); the value {@code off} disables the cache. */
    static final String DIRECTORY_PROPERTY = "hotline.cache.dir";

    /** A verified decompressed copy and the SHA-256 of its bytes. */
    record Unpacked(Path file, String sha256) {}

    private UnpackedDatabases() {}

    /** {@code $XDG_CACHE_HOME/hotline/mmdb}, else {@code ~/.cache/hotline/mmdb}; null when disabled. */
    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured.equals("off") ? null : Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hotline").resolve("mmdb");
    }

    /** The verified copy of the compressed file whose SHA-256 is {@code key}, or null. */
    static Unpacked find(String key) {
        Path dir = directory();
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key + ".mmdb");
        Path hash = dir.resolve(key + ".sha256");
        try {
            if (!Files.isRegularFile(file) || !Files.isRegularFile(hash)) {
                return null;
            }
            String expected = Files.readString(hash, StandardCharsets.US_ASCII).trim();
            if (expected.equals(RememberedDigests.sha256(file))) {
                return new Unpacked(file, expected);
            }
            Files.deleteIfExists(hash);
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // unreadable cache: decompress instead
        }
        return null;
    }

    /** Stores {@code bytes} (whose SHA-256 is {@code sha256}) as the copy for {@code key}; null if it cannot. */
    static Unpacked store(String key, byte[] bytes, String sha256) {
        Path dir = directory();
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key + ".mmdb");
        try {
            Files.createDirectories(dir);
            moveIntoPlace(dir, bytes, file);
            moveIntoPlace(dir, sha256.getBytes(StandardCharsets.US_ASCII), dir.resolve(key + ".sha256"));
            return new Unpacked(file, sha256);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void moveIntoPlace(Path dir, byte[] content, Path target) throws IOException {
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
