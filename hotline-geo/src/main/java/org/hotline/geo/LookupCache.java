package org.hotline.geo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * Remembers the chain's answer per source address, in front of the whole enricher chain: logs repeat
 * a few sources millions of times, and a hit is one hash lookup on the {@link IpAddress} the event
 * already holds — no allocation, no tree walk, no decode.
 *
 * <p>Thread-safe for the pipeline's workers: a miss computes outside any lock and the first answer
 * stored wins (both are equal, enrichers being deterministic). Bounded: past {@code capacity}
 * distinct addresses new answers are computed but not stored, so memory stays at about 100 bytes per
 * cached address whatever the input; {@link #uncached()} says how often that happened.
 *
 * <p>Hazard: the cache assumes the chain starts from {@link Origin#UNKNOWN}; a call with any other
 * {@code soFar} bypasses it.
 */
public final class LookupCache implements Enricher {

    /** Enough for the distinct sources of a very large log; about 100 MB when full. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    private final Enricher chain;
    private final int capacity;
    private final ConcurrentHashMap<IpAddress, Origin> answers;
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder misses = new LongAdder();
    private final LongAdder uncached = new LongAdder();

    public LookupCache(Enricher chain, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.chain = chain;
        this.capacity = capacity;
        this.answers = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        if (soFar != Origin.UNKNOWN) {
            return chain.enrich(ip, soFar);
        }
        Origin known = answers.get(ip);
        if (known != null) {
            return known;
        }
        misses.increment();
        Origin computed = chain.enrich(ip, Origin.UNKNOWN);
        if (size.get() >= capacity) {
            uncached.increment();
            return computed;
        }
        Origin raced = answers.putIfAbsent(ip, computed);
        if (raced != null) {
            return raced;
        }
        size.incrementAndGet();
        return computed;
    }

    /** Distinct addresses stored. */
    public int size() {
        return size.get();
    }

    /** Lookups that went to the chain. */
    public long misses() {
        return misses.sum();
    }

    /** Lookups computed but not stored because the cache was full. */
    public long uncached() {
        return uncached.sum();
    }
}
