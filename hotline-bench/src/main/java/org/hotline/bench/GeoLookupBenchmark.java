package org.hotline.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.EnricherChain;
import org.hotline.geo.Enrichers;
import org.hotline.geo.GeoSources;
import org.hotline.geo.LookupCache;
import org.hotline.geo.NonRoutableEnricher;
import org.hotline.geo.mmdb.MmdbAsnEnricher;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Country and ASN lookups in the bundled databases (data/geo), per address of {@link LookupAddresses}:
 * <ul>
 *   <li>{@code country}, {@code asn}: one mmdb enricher alone — tree walk plus the reader's decoded-record cache;</li>
 *   <li>{@code chainUncached}: non-routable, country, ASN in a row — what every first sight of a source costs;</li>
 *   <li>{@code chainCached}: the chain as {@code hotline analyze} assembles it, {@link LookupCache} in front,
 *       warmed — what each repeat of a source costs, i.e. nearly every event of a real log.</li>
 * </ul>
 * The bundled databases are used even when {@code geo update} has written newer ones, so runs compare.
 * Each state is opened only for the benchmarks that take it, so a run of one does not load all.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeoLookupBenchmark {

    /** The lookup batch, shared read-only. */
    @State(Scope.Benchmark)
    public static class Addresses {
        IpAddress[] batch;

        @Setup
        public void setUp() {
            batch = LookupAddresses.batch();
        }
    }

    /** The two mmdb enrichers, opened directly, and the chain of them without a cache. */
    @State(Scope.Benchmark)
    public static class Databases {
        MmdbCountryEnricher country;
        MmdbAsnEnricher asn;
        Enricher uncached;

        @Setup
        public void setUp() {
            DefaultDatabases bundled = bundled();
            country = MmdbCountryEnricher.open(bundled.country().path(), bundled.country().source());
            asn = MmdbAsnEnricher.open(bundled.asn().path(), bundled.asn().source());
            uncached = NonRoutableEnricher.builtIn().andThen(country).andThen(asn);
        }

        @TearDown
        public void tearDown() throws IOException {
            country.close();
            asn.close();
        }
    }

    /** The production chain with its lookup cache, every batch address already cached. */
    @State(Scope.Benchmark)
    public static class Cached {
        EnricherChain chain;

        @Setup
        public void setUp(Addresses addresses) {
            DefaultDatabases bundled = bundled();
            chain = Enrichers.assemble(new GeoSources(List.of(bundled.country()), List.of(bundled.asn()), null));
            for (IpAddress ip : addresses.batch) {
                chain.enrich(ip, Origin.UNKNOWN);
            }
        }

        @TearDown
        public void tearDown() throws IOException {
            chain.close();
        }
    }

    /** data/geo of the repository; passed as both directories so a user's {@code geo update} data is not picked. */
    static DefaultDatabases bundled() {
        var dir = ProjectRoot.find().resolve("data").resolve("geo");
        return DefaultDatabases.locate(dir, dir);
    }

    @Benchmark
    @OperationsPerInvocation(LookupAddresses.BATCH)
    public void country(Addresses addresses, Databases db, Blackhole blackhole) {
        for (IpAddress ip : addresses.batch) {
            blackhole.consume(db.country.enrich(ip, Origin.UNKNOWN));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LookupAddresses.BATCH)
    public void asn(Addresses addresses, Databases db, Blackhole blackhole) {
        for (IpAddress ip : addresses.batch) {
            blackhole.consume(db.asn.enrich(ip, Origin.UNKNOWN));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LookupAddresses.BATCH)
    public void chainUncached(Addresses addresses, Databases db, Blackhole blackhole) {
        for (IpAddress ip : addresses.batch) {
            blackhole.consume(db.uncached.enrich(ip, Origin.UNKNOWN));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LookupAddresses.BATCH)
    public void chainCached(Addresses addresses, Cached cached, Blackhole blackhole) {
        for (IpAddress ip : addresses.batch) {
            blackhole.consume(cached.chain.enrich(ip, Origin.UNKNOWN));
        }
    }
}
