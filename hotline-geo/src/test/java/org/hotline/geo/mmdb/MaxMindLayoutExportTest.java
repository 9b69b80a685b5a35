package org.hotline.geo.mmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.OutputException;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export must say exactly what analyze says, in MaxMind's layout. Sources: the ip-location-db
 * flat-layout and IPinfo ASN fixtures (written by MaxMind's Perl writer, see their .license files);
 * the addresses: the 1,753 real clients of the elastic/examples Apache log.
 */
class MaxMindLayoutExportTest {
    @TempDir
    Path dir;

    /** A place that cannot take the files is an output problem, named, not an internal error. */
    @Test
    void aDirectoryThatCannotBeMadeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        Path countrySource = GeoTestData.MMDB.resolve("ip-location-db-country.mmdb");
        Path asnSource = GeoTestData.MMDB.resolve("ipinfo-asn.mmdb");
        assertThatThrownBy(() -> MaxMindLayoutExport.export(countrySource, asnSource, file.resolve("geo")))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("cannot write the databases to " + file.resolve("geo"));
    }

    /**
     * Each export keeps its source's build time (mmdblookup --file ... --verbose: build epoch), as
     * geo update's converter does; the time of the export was stamped instead, so geo info said
     * "built" today for data of 2026-06-17 (both sources here: build_epoch 1781726924).
     */
    @Test
    void theExportsKeepTheirSourcesBuildTimes() throws IOException {
        Path countrySource = GeoTestData.MMDB.resolve("ip-location-db-country.mmdb");
        Path asnSource = GeoTestData.MMDB.resolve("ipinfo-asn.mmdb");
        MaxMindLayoutExport.Result result = MaxMindLayoutExport.export(countrySource, asnSource, dir);
        for (Path[] pair : List.of(new Path[] {countrySource, result.country()}, new Path[] {asnSource, result.asn()})) {
            try (Reader source = new Reader(pair[0].toFile()); Reader exported = new Reader(pair[1].toFile())) {
                assertThat(exported.getMetadata().buildTime()).as(pair[1].toString()).isEqualTo(source.getMetadata().buildTime());
            }
        }
    }

    @Test
    void exportedFilesAnswerLikeTheSourcesInMaxMindLayout() throws IOException {
        Path countrySource = GeoTestData.MMDB.resolve("ip-location-db-country.mmdb");
        Path asnSource = GeoTestData.MMDB.resolve("ipinfo-asn.mmdb");
        MaxMindLayoutExport.Result result = MaxMindLayoutExport.export(countrySource, asnSource, dir);
        assertThat(result.countryNetworks()).isPositive();
        assertThat(result.asnNetworks()).isPositive();

        List<IpAddress> clients = Files.readAllLines(GeoTestData.ADDRESSES.resolve("elastic-apache-clients.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(IpAddress::parse).toList();
        assertThat(clients).hasSizeGreaterThan(1700);
        int countries = 0;
        try (MmdbCountryEnricher original = MmdbCountryEnricher.open(countrySource, "test");
             MmdbCountryEnricher exported = MmdbCountryEnricher.open(result.country(), "test");
             MmdbAsnEnricher originalAsn = MmdbAsnEnricher.open(asnSource, "test");
             MmdbAsnEnricher exportedAsn = MmdbAsnEnricher.open(result.asn(), "test")) {
            assertThat(exported.layout()).isEqualTo(CountryLayout.GEOIP2);
            for (IpAddress ip : clients) {
                assertThat(exported.countryOf(ip)).as(ip.toString()).isEqualTo(original.countryOf(ip));
                Origin a = originalAsn.enrich(ip, Origin.UNKNOWN);
                Origin b = exportedAsn.enrich(ip, Origin.UNKNOWN);
                assertThat(b.asn()).as(ip.toString()).isEqualTo(a.asn());
                assertThat(b.asOrganization()).isEqualTo(a.asOrganization());
                countries += original.countryOf(ip) == null ? 0 : 1;
            }
        }
        assertThat(countries).as("the fixture slice places some of the clients").isPositive();

        // Read with MaxMind's own reader, as GoAccess's libmaxminddb would: GeoLite2's field paths.
        try (Reader reader = new Reader(result.country().toFile(), new CHMCache())) {
            assertThat(reader.getMetadata().databaseType()).isEqualTo("GeoLite2-Country");
            IpAddress placed = clients.stream().filter(ip -> {
                try (MmdbCountryEnricher o = MmdbCountryEnricher.open(countrySource, "t")) {
                    return o.countryOf(ip) != null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> record = reader.get(placed.toInetAddress(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> country = (Map<String, Object>) record.get("country");
            assertThat(country.get("iso_code")).isInstanceOf(String.class);
            assertThat(((Map<?, ?>) country.get("names")).get("en")).isNotNull();
        }
    }
}
