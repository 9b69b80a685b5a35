package org.hotline.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache in front of a real chain (non-routable, then the GeoLite2-layout fixture, where
 * {@code mmdblookup --ip 8.8.8.8} gives US and 2a02:6b8::feed:ff gives RU).
 */
class LookupCacheTest implements EnricherContract {

    private static MmdbCountryEnricher country;
    private static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void open() {
        country = MmdbCountryEnricher.open(GeoTestData.MMDB.resolve("geolite2-country.mmdb"), "fixture");
    }

    @AfterAll
    static void close() throws Exception {
        country.close();
    }

    /** The real chain, with a counter of how often it runs. */
    private static Enricher chain() {
        Enricher real = NonRoutableEnricher.builtIn().andThen(country);
        return (ip, soFar) -> {
            CALLS.incrementAndGet();
            return real.enrich(ip, soFar);
        };
    }

    @Override
    public Enricher enricher() {
        return new LookupCache(chain(), 1000);
    }

    @Override
    public IpAddress unknownAddress() {
        return IpAddress.parse("45.0.0.1"); // public, and mmdblookup finds no entry in the fixture
    }

    @Override
    public IpAddress knownV4() {
        return IpAddress.parse("8.8.8.8");
    }

    @Override
    public IpAddress knownV6() {
        return IpAddress.parse("2a02:6b8::feed:ff");
    }

    @Test
    void aRepeatedAddressIsAnsweredFromTheCache() {
        LookupCache cache = new LookupCache(chain(), 1000);
        int before = CALLS.get();
        Origin first = cache.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN);
        for (int i = 0; i < 100; i++) {
            // A new IpAddress instance each time, as parsers produce them: equal, not identical.
            assertThat(cache.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN)).isSameAs(first);
        }
        assertThat(first.country()).isEqualTo("US");
        assertThat(CALLS.get() - before).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void pastCapacityAnswersAreRightButNotStored() {
        LookupCache cache = new LookupCache(chain(), 2);
        cache.enrich(IpAddress.parse("8.8.8.8"), Origin.UNKNOWN);
        cache.enrich(IpAddress.parse("10.0.0.1"), Origin.UNKNOWN);
        Origin third = cache.enrich(IpAddress.parse("77.88.8.8"), Origin.UNKNOWN);
        assertThat(third.country()).isEqualTo("RU");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.uncached()).isEqualTo(1);
    }

    @Test
    void aChainStartedFromSomethingElseBypassesTheCache() {
        LookupCache cache = new LookupCache(chain(), 1000);
        Origin tor = Origin.UNKNOWN.withFlag(org.hotline.enrich.OriginFlag.TOR_EXIT);
        assertThat(cache.enrich(IpAddress.parse("8.8.8.8"), tor)).isEqualTo(tor.withCountry("US"));
        assertThat(cache.size()).isZero();
    }
}
