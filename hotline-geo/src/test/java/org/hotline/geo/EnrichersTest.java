package org.hotline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.InputException;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry and the assembled chain on the bundled databases. Expected answers: mmdblookup on the
 * npm country file (8.8.8.8 → US, 2a00:1450:4001:80b::200e → IE) and grep on the ASN CSVs
 * (asn-ipv4.csv line 5321: 15169 Google LLC; asn-ipv6.csv line 63679: 2a00:1450::/32 → 15169 Google LLC).
 */
class EnrichersTest {

    @TempDir
    Path noUserData;

    @Test
    void theBundledDefaultsMakeAWorkingChain() throws Exception {
        DefaultDatabases defaults = DefaultDatabases.locate(noUserData, GeoTestData.BUNDLED);
        try (EnricherChain chain = Enrichers.assemble(GeoSources.withDefaults(List.of(), List.of(), null, () -> defaults))) {
            assertThat(chain.names()).containsExactly("non-routable", "country", "asn");
            assertThat(chain.databases()).extracting(DatabaseInfo::role).containsExactly("non-routable", "country", "asn");
            assertThat(chain.databases().get(2).source()).contains("IP Geolocation by DB-IP, https://db-ip.com");
            assertThat(chain.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN))
                    .isEqualTo(new Origin("US", 15169, "Google LLC", Set.of()));
            assertThat(chain.enrich(IpAddress.parse("2a00:1450:4001:80b::200e"), Origin.UNKNOWN))
                    .isEqualTo(new Origin("IE", 15169, "Google LLC", Set.of()));
            assertThat(chain.enrich(IpAddress.parse("10.0.0.1"), Origin.UNKNOWN))
                    .isEqualTo(Origin.UNKNOWN.withFlag(OriginFlag.NON_ROUTABLE));
        }
    }

    @Test
    void csvDatabasesAndTorExitsJoinInChainOrder() throws Exception {
        GeoSources sources = new GeoSources(
                List.of(DatabaseFile.given(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv"), "--geo-db"),
                        DatabaseFile.given(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv6.slice.csv"), "--geo-db")),
                List.of(DatabaseFile.given(GeoTestData.MMDB.resolve("ipinfo-asn.mmdb"), "--asn-db")),
                GeoTestData.TOR.resolve("exit-list.txt"));
        try (EnricherChain chain = Enrichers.assemble(sources)) {
            assertThat(chain.names()).containsExactly("non-routable", "country", "asn", "tor-exits");
            // One entry per CSV file, each with its own name and hash.
            assertThat(chain.databases()).extracting(DatabaseInfo::layout).containsExactly("special-purpose-blocks",
                    "ip-location-db-country-csv", "ip-location-db-country-csv", "ipinfo-asn", "address-list");
            assertThat(chain.databases().get(2).name()).isEqualTo("geo-whois-asn-country-ipv6.slice.csv");
            assertThat(chain.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN))
                    .isEqualTo(new Origin("US", 15169, "Google LLC", Set.of()));
            // A documentation address in the Tor list: both facts are kept.
            assertThat(chain.enrich(IpAddress.parse("192.0.2.7"), Origin.UNKNOWN).flags())
                    .isEqualTo(EnumSet.of(OriginFlag.NON_ROUTABLE, OriginFlag.TOR_EXIT));
        }
    }

    @Test
    void aBadDatabaseFailsTheAssemblyWithItsName() {
        Path bad = GeoTestData.MMDB.resolve("ip2location-like.mmdb");
        GeoSources sources = new GeoSources(List.of(DatabaseFile.given(GeoTestData.BUNDLED_COUNTRY, "--geo-db")),
                List.of(DatabaseFile.given(bad, "--asn-db")), null);
        assertThatThrownBy(() -> Enrichers.assemble(sources)).isInstanceOf(InputException.class)
                .hasMessageContaining("--asn-db " + bad);
    }

    /** Registry rule (STYLE.md): names unique, each opens, and every Enricher of the module is reachable. */
    @Test
    void everyEnricherOfTheModuleIsInTheRegistry() throws Exception {
        assertThat(new HashSet<>(Enrichers.names())).hasSameSizeAs(Enrichers.names());
        GeoSources mmdb = new GeoSources(List.of(DatabaseFile.given(GeoTestData.MMDB.resolve("dbip-country-lite.mmdb"), "--geo-db")),
                List.of(DatabaseFile.given(GeoTestData.MMDB.resolve("geolite2-asn.mmdb"), "--asn-db")), GeoTestData.TOR.resolve("exit-addresses"));
        GeoSources csv = new GeoSources(List.of(DatabaseFile.given(GeoTestData.CSV.resolve("geo-whois-asn-country-ipv4.slice.csv"), "--geo-db")),
                List.of(DatabaseFile.given(GeoTestData.CSV.resolve("asn-ipv4.slice.csv"), "--asn-db")), null);
        Set<Class<?>> opened = new HashSet<>();
        for (GeoSources sources : List.of(mmdb, csv)) {
            for (Map.Entry<String, Enrichers.Opener> builtIn : Enrichers.BUILT_INS) {
                Enrichers.Opened o = builtIn.getValue().open(sources);
                if (o == null) {
                    assertThat(builtIn.getKey()).isEqualTo("tor-exits"); // the CSV sources give no Tor list
                    continue;
                }
                o.enrichers().forEach(e -> opened.add(e.getClass()));
                for (var c : o.resources()) {
                    c.close();
                }
            }
        }
        Set<Class<?>> wrappers = Set.of(LookupCache.class, EnricherChain.class);
        assertThat(opened).containsExactlyInAnyOrderElementsOf(enricherClassesOfTheModule().stream()
                .filter(c -> !wrappers.contains(c)).toList());
    }

    private static List<Class<?>> enricherClassesOfTheModule() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replace(".class", ""))
                    .map(EnrichersTest::load)
                    .filter(c -> Enricher.class.isAssignableFrom(c) && !c.isInterface())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
