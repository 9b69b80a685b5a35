package org.hotline.geo.mmdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import org.hotline.geo.FileDigest;

/**
 * SHA-256 of database files, remembered in the per-user cache by path, size and modification time.
 *
 * <p>Why: every run names the SHA-256 of each database it used, and hashing the bundled databases
 * (the {@code .gz} files and their unpacked copies, some 40 MB) took about 0.3 s of every run, in a
 * JVM that has not warmed up yet: a tenth of a million-line analysis. A database changes by being
 * replaced ({@code geo update} writes a new file and moves it into place), which changes its
 * modification time, so a remembered digest whose path, size and time still match is the file's.
 * What this gives up: a file altered in place with its size and time restored would keep its old
 * digest; that needs deliberate tampering with the user's own files.
 *
 * <p>Best effort, like {@link UnpackedDatabases}: without a usable cache directory every call hashes.
 */
final class RememberedDigests {
    private RememberedDigests() {}

    static String sha256(Path file) throws IOException {
        Path dir = UnpackedDatabases.directory();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String stamp = file.toAbsolutePath().normalize() + "\n" + attributes.size() + "\n"
                + attributes.lastModifiedTime().toMillis() + "\n";
        Path memo = dir == null ? null : dir.resolve("digests").resolve(name(stamp) + ".sha256");
        if (memo != null) {
            try {
                String remembered = Files.readString(memo, StandardCharsets.UTF_8);
                if (remembered.startsWith(stamp) && remembered.length() == stamp.length() + 64) {
                    return remembered.substring(stamp.length());
                }
            } catch (IOException | RuntimeException e) {
                // nothing remembered: hash
            }
        }
        String sha = FileDigest.sha256(file);
        if (memo != null) {
            remember(memo, stamp + sha);
        }
        return sha;
    }

    /** Forgets nothing on failure: a memo that cannot be written only means hashing next time. */
    private static void remember(Path memo, String content) {
        try {
            Files.createDirectories(memo.getParent());
            Path temp = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /**
     * A file name for the stamp: 128 bits of two 64-bit hashes of it. Not SHA-256: the memo holds
     * the stamp itself and is checked against it, so two stamps that shared a name would only cost
     * a hashing; and the first SHA-256 of a run loads the JDK's security providers, ~12 ms on each
     * thread that opens a database, in a run that otherwise needs none.
     */
    static String name(String stamp) {
        long fnv = 0xcbf2_9ce4_8422_2325L;
        long mixed = stamp.length();
        for (byte b : stamp.getBytes(StandardCharsets.UTF_8)) {
            fnv = (fnv ^ (b & 0xff)) * 0x0000_0100_0000_01b3L;
            mixed = (mixed ^ (b & 0xff)) * 0x9E37_79B9_7F4A_7C15L;
            mixed ^= mixed >>> 29;
        }
        return HexFormat.of().toHexDigits(fnv) + HexFormat.of().toHexDigits(mixed);
    }
}
