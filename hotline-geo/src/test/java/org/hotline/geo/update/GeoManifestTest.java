package org.hotline.geo.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.InputException;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoManifestTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBundledManifest() {
        GeoManifest m = GeoManifest.read(GeoTestData.BUNDLED.resolve(GeoManifest.FILE_NAME));
        assertThat(m.format()).isEqualTo(1);
        assertThat(m.databases()).extracting(GeoManifest.Entry::role).containsExactly("country", "asn");
        GeoManifest.Entry asn = m.entry("asn");
        assertThat(asn.file()).isEqualTo("asn.mmdb.gz");
        assertThat(asn.packageName()).isEqualTo("@ip-location-db/asn");
        assertThat(asn.sha256()).hasSize(64);
        assertThat(asn.integrity()).startsWith("sha512-");
        assertThat(asn.buildDate()).isEqualTo("2026-06-17");
        assertThat(asn.source()).contains("CC BY 4.0");
    }

    @Test
    void whatItWritesItReadsBackAndNamesItDoesNotKnowAreSkipped() throws Exception {
        GeoManifest written = new GeoManifest(1, List.of(
                new GeoManifest.Entry("country", "c.mmdb", "p", "1", "sha512-x", "ab", "2026-06-17", "now", "src \"quoted\"")));
        Path file = dir.resolve(GeoManifest.FILE_NAME);
        written.write(file);
        assertThat(GeoManifest.read(file)).isEqualTo(written);

        // A later version's extra fields, objects and nulls among them, and a missing field.
        Files.writeString(file, """
                {"format": 2, "signedBy": {"key": [1, 2]}, "databases": [
                  {"role": "asn", "file": "a.mmdb", "extra": [{"x": null}], "sha256": null, "size": 12}
                ], "note": "later"}
                """);
        GeoManifest later = GeoManifest.read(file);
        assertThat(later.format()).isEqualTo(2);
        assertThat(later.databases()).containsExactly(
                new GeoManifest.Entry("asn", "a.mmdb", null, null, null, null, null, null, null));
    }

    @Test
    void aFileThatIsNotAManifestIsAnInputErrorNamingIt() throws Exception {
        Path notObject = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        Path badFormat = Files.writeString(dir.resolve("format.json"), "{\"format\": \"one\"}");
        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"format\": 1, \"databases\": [{\"role\": ");
        for (Path p : List.of(notObject, badFormat, cut)) {
            assertThatThrownBy(() -> GeoManifest.read(p)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(p + ": not a Hotline geo manifest: ");
        }
    }
}
