package org.hotline.geo.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.InputException;
import org.hotline.OutputException;
import org.hotline.RemoteServiceException;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.FileDigest;
import org.hotline.geo.GeoTestData;
import org.hotline.geo.mmdb.MmdbAsnEnricher;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geo update} end to end, offline: a local HTTP server serves npm package documents and the two
 * tarballs in enrich/npm, made by {@code npm pack} from slices of the real data. The integrity strings
 * are npm's own, printed by {@code npm pack} and equal to
 * {@code "sha512-" + base64(openssl dgst -sha512 -binary <tgz>)}. Expected answers: mmdblookup on
 * the country fixture inside the tarball (8.8.8.8 → US) and grep on the ASN slice
 * ({@code 8.8.8.0,8.8.8.255,15169,Google LLC}).
 */
class GeoUpdateTest {

    private static final String COUNTRY_TGZ = "ip-location-db-geo-whois-asn-country-mmdb-2.3.2026061719.tgz";
    private static final String ASN_TGZ = "ip-location-db-asn-2.3.2026061719.tgz";
    private static final String COUNTRY_INTEGRITY =
            "sha512-C9RdCHNDT85UpKYiGajp2G9jRFXhg1cdTb3/pE6U8pfAcMOTCdngqZpEAZfnQkDMHaWSYYfbMS9o6vY0eEKofw==";
    private static final String ASN_INTEGRITY =
            "sha512-Br3SQhdrZrLuqrKsDe3rNYUFt/qhcqM0Pa27KSRZ0yT3hlCQt4sm5PWRSe1nu7a6/luR7AqJvVriEglm/gvukQ==";
    private static final String COUNTRY_DOC = "/@ip-location-db%2Fgeo-whois-asn-country-mmdb";
    private static final String ASN_DOC = "/@ip-location-db%2Fasn";
    private static final String COUNTRY_PATH = "/@ip-location-db/geo-whois-asn-country-mmdb/-/geo-whois-asn-country-mmdb-2.3.2026061719.tgz";
    private static final String ASN_PATH = "/@ip-location-db/asn/-/asn-2.3.2026061719.tgz";

    @TempDir
    Path dir;

    private LocalRegistry registry;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = new LocalRegistry();
        registry.serve(COUNTRY_PATH, Files.readAllBytes(GeoTestData.NPM.resolve(COUNTRY_TGZ)));
        registry.serve(ASN_PATH, Files.readAllBytes(GeoTestData.NPM.resolve(ASN_TGZ)));
        registry.serve(COUNTRY_DOC, document("@ip-location-db/geo-whois-asn-country-mmdb", "2.3.2026061719", COUNTRY_PATH, COUNTRY_INTEGRITY));
        registry.serve(ASN_DOC, document("@ip-location-db/asn", "2.3.2026061719", ASN_PATH, ASN_INTEGRITY));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** An abbreviated npm package document, as registry.npmjs.org serves it (only the fields used). */
    private String document(String name, String latest, String tarballPath, String integrity) {
        return "{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + latest + "\"},\"versions\":{\"" + latest
                + "\":{\"name\":\"" + name + "\",\"version\":\"" + latest + "\",\"dist\":{\"integrity\":\"" + integrity
                + "\",\"shasum\":\"unused\",\"tarball\":\"" + registry.uri() + tarballPath + "\"}}}}";
    }

    private GeoUpdate update() {
        return new GeoUpdate(registry.uri(), progress::add);
    }

    @Test
    void installsBothDatabasesWithAManifestAndTheyWork() throws Exception {
        GeoUpdate.Result result = update().update(dir, Map.of());
        assertThat(result.changes()).extracting(GeoUpdate.Change::changed).containsExactly(true, true);
        assertThat(result.changes()).extracting(GeoUpdate.Change::describe).allMatch(s -> s.contains("new 2.3.2026061719"));
        GeoManifest manifest = GeoManifest.read(dir.resolve("manifest.json"));
        assertThat(manifest.entry("country").integrity()).isEqualTo(COUNTRY_INTEGRITY);
        assertThat(manifest.entry("asn").file()).isEqualTo("asn.mmdb");
        assertThat(manifest.entry("asn").buildDate()).isEqualTo("2026-06-17");
        // The country file is the tarball's, byte for byte: the same SHA-256 as the fixture it was packed from.
        assertThat(manifest.entry("country").sha256())
                .isEqualTo(FileDigest.sha256(GeoTestData.MMDB.resolve("ip-location-db-country.mmdb")))
                .isEqualTo(FileDigest.sha256(dir.resolve("geo-whois-asn-country.mmdb")));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("manifest.json", "geo-whois-asn-country.mmdb", "asn.mmdb");
        }
        DefaultDatabases d = DefaultDatabases.locate(dir, GeoTestData.BUNDLED);
        try (MmdbCountryEnricher c = MmdbCountryEnricher.open(d.country().path(), d.country().source());
             MmdbAsnEnricher a = MmdbAsnEnricher.open(d.asn().path(), d.asn().source())) {
            assertThat(c.countryOf(IpAddress.parse("8.8.8.8"))).isEqualTo("US");
            assertThat(a.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN)).isEqualTo(Origin.UNKNOWN.withAsn(15169, "Google LLC"));
            assertThat(a.info().source()).contains("npm @ip-location-db/asn 2.3.2026061719");
        }
        assertThat(progress).anyMatch(l -> l.startsWith("asn: asn-ipv4.csv: 75 ranges, 0 skipped, 0 clipped"));
    }

    /** A killed update leaves its staging folder behind; the next one removes it, but not one still in use. */
    @Test
    void theStagingFolderOfAKilledUpdateIsRemovedByTheNext() throws Exception {
        Path killed = Files.createDirectories(dir.resolve(".update-1234567/country"));
        Files.write(killed.resolve("package.tgz"), new byte[4096]);
        Files.setLastModifiedTime(killed.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path running = Files.createDirectories(dir.resolve(".update-7654321"));   // another update, writing now
        Path notOurs = Files.createDirectories(dir.resolve(".updates-by-hand"));
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        update().update(dir, Map.of());

        assertThat(killed.getParent()).doesNotExist();
        assertThat(running).isDirectory();
        assertThat(notOurs).isDirectory();
        assertThat(dir.resolve("manifest.json")).isRegularFile();
    }

    @Test
    void anUnchangedVersionIsNotDownloadedAgain() {
        update().update(dir, Map.of());
        GeoUpdate.Result again = update().update(dir, Map.of());
        assertThat(again.changes()).extracting(GeoUpdate.Change::changed).containsExactly(false, false);
        assertThat(again.changes().get(1).describe()).contains("2.3.2026061719 (unchanged)");
        assertThat(registry.hits(ASN_PATH)).isEqualTo(1);
        assertThat(registry.hits(ASN_DOC)).isEqualTo(2);
    }

    @Test
    void aNewVersionReplacesTheOldOne() throws Exception {
        update().update(dir, Map.of());
        registry.serve(ASN_DOC, document("@ip-location-db/asn", "2.3.2026071719", ASN_PATH, ASN_INTEGRITY));
        GeoUpdate.Result result = update().update(dir, Map.of());
        assertThat(result.changes().get(0).changed()).isFalse();
        assertThat(result.changes().get(1).describe()).startsWith("asn: @ip-location-db/asn 2.3.2026061719 → 2.3.2026071719");
        // The build date follows the version's date, so converting the same data again is reproducible.
        assertThat(GeoManifest.read(dir.resolve("manifest.json")).entry("asn").buildDate()).isEqualTo("2026-07-17");
    }

    @Test
    void aTamperedTarballIsRefusedAndTheOldFilesStay() throws Exception {
        update().update(dir, Map.of());
        String before = FileDigest.sha256(dir.resolve("asn.mmdb"));
        String manifestBefore = Files.readString(dir.resolve("manifest.json"));
        registry.serve(ASN_DOC, document("@ip-location-db/asn", "2.3.2026071719", ASN_PATH, COUNTRY_INTEGRITY));
        assertThatThrownBy(() -> update().update(dir, Map.of())).isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("does not match its dist.integrity").hasMessageContaining("refused");
        assertThat(FileDigest.sha256(dir.resolve("asn.mmdb"))).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("manifest.json"))).isEqualTo(manifestBefore);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".update-"));
        }
    }

    /**
     * An installation made by hand from other fixtures, as an earlier version would have left it:
     * its files differ from everything the local registry serves.
     */
    private Map<String, byte[]> previousInstallation() throws Exception {
        Path country = Files.copy(GeoTestData.MMDB.resolve("ip-location-db-country-ipv4.mmdb"), dir.resolve("geo-whois-asn-country.mmdb"));
        Path asn = Files.copy(GeoTestData.MMDB.resolve("geolite2-asn.mmdb"), dir.resolve("asn.mmdb"));
        new GeoManifest(1, List.of(
                new GeoManifest.Entry("country", country.getFileName().toString(), "@ip-location-db/geo-whois-asn-country-mmdb",
                        "2.3.2026051719", "sha512-old", FileDigest.sha256(country), "2026-05-17", "then", "earlier"),
                new GeoManifest.Entry("asn", asn.getFileName().toString(), "@ip-location-db/asn",
                        "2.3.2026051719", "sha512-old", FileDigest.sha256(asn), "2026-05-17", "then", "earlier")))
                .write(dir.resolve(GeoManifest.FILE_NAME));
        return contents();
    }

    /** Every file and folder in the directory with its bytes (folders as null). */
    private Map<String, byte[]> contents() throws Exception {
        Map<String, byte[]> all = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                all.put(f.getFileName().toString(), Files.isRegularFile(f) ? Files.readAllBytes(f) : null);
            }
        }
        return all;
    }

    /**
     * The country package installs, then the ASN package fails its integrity check: before, the new
     * country file was already in place under the old manifest's name, version and hash. Now nothing
     * in the directory changed, byte for byte, and no staging folder is left.
     */
    @Test
    void whenTheSecondPackageFailsTheInstallationIsExactlyAsItWas() throws Exception {
        Map<String, byte[]> before = previousInstallation();
        registry.serve(ASN_DOC, document("@ip-location-db/asn", "2.3.2026061719", ASN_PATH, COUNTRY_INTEGRITY));

        assertThatThrownBy(() -> update().update(dir, Map.of())).isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("does not match its dist.integrity");

        assertThat(registry.hits(COUNTRY_PATH)).isEqualTo(1);   // the country package was downloaded and staged
        Map<String, byte[]> after = contents();
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    /** Every version is asked for before anything is downloaded: a pinned version the registry lacks costs no download. */
    @Test
    void aVersionTheRegistryDoesNotHaveStopsTheUpdateBeforeAnyDownload() throws Exception {
        Map<String, byte[]> before = previousInstallation();
        assertThatThrownBy(() -> update().update(dir, Map.of("@ip-location-db/asn", "0.0.0-nonexistent")))
                .isInstanceOf(RemoteServiceException.class).hasMessageContaining("has no version 0.0.0-nonexistent");
        assertThat(registry.hits(COUNTRY_PATH)).isZero();
        assertThat(contents()).containsOnlyKeys(before.keySet());
    }

    /**
     * The last step, moving the manifest into place, fails (here a folder is in its way): the databases
     * already moved are put back from the links kept of them.
     */
    @Test
    void aFailedLastMovePutsThePreviousFilesBack() throws Exception {
        Map<String, byte[]> before = previousInstallation();
        Files.delete(dir.resolve(GeoManifest.FILE_NAME));
        Files.writeString(Files.createDirectory(dir.resolve(GeoManifest.FILE_NAME)).resolve("in-the-way"), "x");

        assertThatThrownBy(() -> update().update(dir, Map.of())).isInstanceOf(OutputException.class)
                .hasMessageStartingWith("cannot install the update into " + dir)
                .hasMessageEndingWith("; the previous files were put back");

        for (String name : List.of("geo-whois-asn-country.mmdb", "asn.mmdb")) {
            assertThat(Files.readAllBytes(dir.resolve(name))).as(name).isEqualTo(before.get(name));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".update-"));
        }
    }

    /** A database replaced behind the manifest's back is not "already installed": its hash gives it away. */
    @Test
    void aFileThatIsNotTheOneTheManifestDescribesIsInstalledAgain() throws Exception {
        update().update(dir, Map.of());
        Path country = dir.resolve("geo-whois-asn-country.mmdb");
        String right = FileDigest.sha256(country);
        Files.copy(GeoTestData.MMDB.resolve("ip-location-db-country-ipv4.mmdb"), country, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        GeoUpdate.Result again = update().update(dir, Map.of());

        assertThat(again.changes()).extracting(GeoUpdate.Change::changed).containsExactly(true, false);
        assertThat(FileDigest.sha256(country)).isEqualTo(right);
    }

    @Test
    void aTarballOnAnotherHostIsRefused() {
        registry.serve(COUNTRY_DOC, "{\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{\"1.0.0\":{\"dist\":{\"integrity\":\""
                + COUNTRY_INTEGRITY + "\",\"tarball\":\"http://example.invalid/x.tgz\"}}}}");
        assertThatThrownBy(() -> update().update(dir, Map.of())).isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("is not on the registry");
    }

    @Test
    void aMissingPackageSaysWhichDocument() {
        registry.serve(ASN_DOC, new byte[0]);
        assertThatThrownBy(() -> new GeoUpdate(registry.uri().resolve("/nothing-here/"), GeoUpdate.Progress.NONE).update(dir, Map.of()))
                .isInstanceOf(RemoteServiceException.class)
                .hasMessage("the npm registry answered GET " + registry.uri() + "/nothing-here/@ip-location-db%2Fgeo-whois-asn-country-mmdb"
                        + " with HTTP 404 (no package @ip-location-db/geo-whois-asn-country-mmdb there)");
    }

    /** No registry listening: the error names the address and says why, as a remote failure (exit 69), not a bug. */
    @Test
    void aRegistryThatCannotBeReachedIsARemoteFailureNamingIt() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> new GeoUpdate(nowhere, GeoUpdate.Progress.NONE).update(dir, Map.of()))
                .isInstanceOf(RemoteServiceException.class)
                .hasMessage("cannot reach the npm registry: GET " + nowhere + "/@ip-location-db%2Fgeo-whois-asn-country-mmdb:"
                        + " cannot connect to 127.0.0.1:" + port + " (connection refused)");
        URI unknown = URI.create("http://no-such-host.invalid");
        assertThatThrownBy(() -> new GeoUpdate(unknown, GeoUpdate.Progress.NONE).update(dir, Map.of()))
                .isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("unknown host no-such-host.invalid");
    }

    /** A tarball that matches its integrity but is no tar.gz: the package is at fault, and says so. */
    @Test
    void aTarballThatIsNotAnArchiveIsARemoteFailure() throws Exception {
        byte[] junk = "not a tarball".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String integrity = "sha512-" + java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-512").digest(junk));
        registry.serve(COUNTRY_PATH, junk);
        registry.serve(COUNTRY_DOC, document("@ip-location-db/geo-whois-asn-country-mmdb", "2.3.2026061719", COUNTRY_PATH, integrity));
        assertThatThrownBy(() -> update().update(dir, Map.of())).isInstanceOf(RemoteServiceException.class)
                .hasMessageContaining("tarball " + registry.uri() + COUNTRY_PATH + " cannot be unpacked: Not in GZIP format");
    }

    /** A pin of a package that is not installed was ignored (the latest installed, exit 0): now refused before any request. */
    @Test
    void aPinOfAnotherPackageIsRefusedBeforeTheRegistryIsAsked() {
        assertThatThrownBy(() -> update().update(dir, Map.of("nosuch/pkg", "1.0"))).isInstanceOf(InputException.class)
                .hasMessage("--pin nosuch/pkg=1.0: nosuch/pkg is not a package geo update installs; the packages that can be"
                        + " pinned are @ip-location-db/geo-whois-asn-country-mmdb, @ip-location-db/asn");
        assertThatThrownBy(() -> update().update(dir, Map.of("@ip-location-db/asn", " "))).isInstanceOf(InputException.class)
                .hasMessage("--pin @ip-location-db/asn=: no version given (e.g. @ip-location-db/asn=2.3.2026061719)");
        assertThat(registry.hits(COUNTRY_DOC) + registry.hits(ASN_DOC)).isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPinnedVersionIsTaken() {
        GeoUpdate.Result result = update().update(dir, Map.of("@ip-location-db/asn", "2.3.2026061719"));
        assertThat(result.changes().get(1).newVersion()).isEqualTo("2.3.2026061719");
        assertThatThrownBy(() -> update().update(dir, Map.of("@ip-location-db/asn", "9.9.9")))
                .isInstanceOf(RemoteServiceException.class)
                .hasMessage("the npm registry " + registry.uri() + " has no version 9.9.9 of @ip-location-db/asn (its latest is 2.3.2026061719)");
    }
}
