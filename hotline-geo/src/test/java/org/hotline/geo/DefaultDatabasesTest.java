package org.hotline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.InputException;
import org.hotline.geo.update.GeoManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDatabasesTest {

    @TempDir
    Path user;

    @Test
    void theBundledDirectoryServesWhenTheUserHasNone() {
        DefaultDatabases d = DefaultDatabases.locate(user, GeoTestData.BUNDLED);
        assertThat(d.directory()).isEqualTo(GeoTestData.BUNDLED);
        assertThat(d.country().path()).isEqualTo(GeoTestData.BUNDLED_COUNTRY);
        assertThat(d.asn().path()).isEqualTo(GeoTestData.BUNDLED_ASN);
        assertThat(d.country().source()).startsWith("npm @ip-location-db/geo-whois-asn-country-mmdb 2.3.2026061719 (CC BY 4.0");
    }

    @Test
    void theUserDirectoryWinsWhenItHasAManifest() throws Exception {
        Files.copy(GeoTestData.MMDB.resolve("ip-location-db-country.mmdb"), user.resolve("c.mmdb"));
        Files.copy(GeoTestData.MMDB.resolve("geolite2-asn.mmdb"), user.resolve("a.mmdb"));
        new GeoManifest(1, List.of(
                new GeoManifest.Entry("country", "c.mmdb", "p", "1", "sha512-x", "s", "2026-06-17", "now", "user country"),
                new GeoManifest.Entry("asn", "a.mmdb", "p", "1", "sha512-x", "s", "2026-06-17", "now", "user asn")))
                .write(user.resolve(GeoManifest.FILE_NAME));
        DefaultDatabases d = DefaultDatabases.locate(user, GeoTestData.BUNDLED);
        assertThat(d.country().path()).isEqualTo(user.resolve("c.mmdb"));
        assertThat(d.asn().source()).isEqualTo("user asn");
    }

    @Test
    void aMissingFileOrDirectoryIsNamed() {
        new GeoManifest(1, List.of(
                new GeoManifest.Entry("country", "gone.mmdb", "p", "1", "sha512-x", "s", "d", "now", "x"),
                new GeoManifest.Entry("asn", "gone2.mmdb", "p", "1", "sha512-x", "s", "d", "now", "x")))
                .write(user.resolve(GeoManifest.FILE_NAME));
        assertThatThrownBy(() -> DefaultDatabases.locate(user, null)).isInstanceOf(InputException.class)
                .hasMessage("default country database missing: " + user.resolve("gone.mmdb") + " (listed in "
                        + user.resolve(GeoManifest.FILE_NAME) + ")");
        Path empty = user.resolve("empty");
        assertThatThrownBy(() -> DefaultDatabases.locate(empty, null)).isInstanceOf(InputException.class)
                .hasMessageContaining(empty.resolve("manifest.json") + " does not exist (run `hotline geo update`)")
                .hasMessageContaining("hotline.home (installation root) is not set");
        assertThatThrownBy(() -> DefaultDatabases.locate(empty, empty.resolve("data/geo"))).isInstanceOf(InputException.class)
                .hasMessageContaining(empty.resolve("data/geo/manifest.json") + " does not exist");
    }
}
