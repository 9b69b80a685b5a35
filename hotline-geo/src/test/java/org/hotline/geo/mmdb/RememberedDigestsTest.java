package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.hotline.geo.FileDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests remembered by path, size and time: right after any replacement, reused otherwise. */
class RememberedDigestsTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        System.clearProperty(UnpackedDatabases.DIRECTORY_PROPERTY);
    }

    @Test
    void aDigestIsRememberedUntilTheFilesSizeOrTimeChanges() throws Exception {
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, dir.resolve("cache").toString());
        Path file = Files.writeString(dir.resolve("db.mmdb"), "first database");
        FileTime written = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, written);
        String first = RememberedDigests.sha256(file);
        assertThat(first).isEqualTo(FileDigest.sha256(file));

        // Same size, same time: the remembered digest, which proves it was not computed again
        // (and is the documented limit: an in-place edit that restores the time goes unseen).
        Files.writeString(file, "other database");
        Files.setLastModifiedTime(file, written);
        assertThat(RememberedDigests.sha256(file)).isEqualTo(first);

        // Replaced as geo update does: a new time, so a new digest.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
        assertThat(RememberedDigests.sha256(file)).isEqualTo(FileDigest.sha256(file)).isNotEqualTo(first);

        // A different size at the old time: a new digest too.
        Files.writeString(file, "a longer third database");
        Files.setLastModifiedTime(file, written);
        assertThat(RememberedDigests.sha256(file)).isEqualTo(FileDigest.sha256(file)).isNotEqualTo(first);
    }

    @Test
    void withoutACacheEveryCallHashes() throws Exception {
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, "off");
        Path file = Files.writeString(dir.resolve("db.mmdb"), "first database");
        FileTime written = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, written);
        RememberedDigests.sha256(file);
        Files.writeString(file, "other database");
        Files.setLastModifiedTime(file, written);
        assertThat(RememberedDigests.sha256(file)).isEqualTo(FileDigest.sha256(file));
    }
    @Test
    void stampsThatDifferAnywhereGetDifferentFileNames() {
        // Stamps as sha256() writes them: path, size, time; neighbours differ in one digit.
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String name = RememberedDigests.name("/home/u/.local/share/hotline/geo/db" + (i % 7) + ".mmdb.gz\n"
                    + (4_000_000 + i / 7) + "\n1700000000000\n");
            assertThat(name).matches("[0-9a-f]{32}");
            names.add(name);
        }
        assertThat(names).hasSize(20_000);
    }
}
