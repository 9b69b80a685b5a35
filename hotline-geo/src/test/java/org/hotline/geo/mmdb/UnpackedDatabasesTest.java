package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.geo.FileDigest;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decompressed-copy cache: the first open writes a copy, later opens map it with the same
 * SHA-256 for the report; a damaged copy is rebuilt; an unwritable cache only costs speed.
 */
class UnpackedDatabasesTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        System.clearProperty(UnpackedDatabases.DIRECTORY_PROPERTY);
    }

    @Test
    void firstOpenStoresACopyLaterOpensUseIt() throws Exception {
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, dir.toString());
        String first = sha(GeoTestData.BUNDLED_COUNTRY);
        String key = FileDigest.sha256(GeoTestData.BUNDLED_COUNTRY);
        Path copy = dir.resolve(key + ".mmdb");
        assertThat(copy).exists();
        assertThat(FileDigest.sha256(copy)).isEqualTo(first);
        assertThat(sha(GeoTestData.BUNDLED_COUNTRY)).isEqualTo(first);
    }

    @Test
    void aDamagedCopyIsReplaced() throws Exception {
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, dir.toString());
        String expected = sha(GeoTestData.BUNDLED_COUNTRY);
        Path copy = dir.resolve(FileDigest.sha256(GeoTestData.BUNDLED_COUNTRY) + ".mmdb");
        Files.write(copy, new byte[] {1, 2, 3});
        assertThat(UnpackedDatabases.find(FileDigest.sha256(GeoTestData.BUNDLED_COUNTRY))).isNull();
        assertThat(sha(GeoTestData.BUNDLED_COUNTRY)).isEqualTo(expected);
        assertThat(FileDigest.sha256(copy)).isEqualTo(expected);
    }

    @Test
    void anUnwritableCacheFallsBackToTheHeap() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, notADirectory.resolve("cache").toString());
        String viaHeap = sha(GeoTestData.BUNDLED_COUNTRY);
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, "off");
        assertThat(sha(GeoTestData.BUNDLED_COUNTRY)).isEqualTo(viaHeap);
        System.setProperty(UnpackedDatabases.DIRECTORY_PROPERTY, dir.toString());
        assertThat(sha(GeoTestData.BUNDLED_COUNTRY)).isEqualTo(viaHeap);
    }

    private static String sha(Path gz) throws Exception {
        try (MmdbDatabase db = MmdbDatabase.open(gz, "--geo-db", MmdbDatabase.SMALL_DECODE_CACHE)) {
            assertThat(db.locator()).isNotNull();
            return db.info("country", "x", "test").sha256();
        }
    }
}
