package org.hotline.geo;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * The assembled enrichers behind a {@link LookupCache}, with the databases they read (for the report)
 * and the files they hold open (closed by {@link #close()}).
 */
public final class EnricherChain implements Enricher, Closeable {

    private final LookupCache cache;
    private final Enricher uncached;
    private final List<String> names;
    private final List<DatabaseInfo> databases;
    private final List<Closeable> resources;

    EnricherChain(LookupCache cache, Enricher uncached, List<String> names, List<DatabaseInfo> databases,
                  List<Closeable> resources) {
        this.cache = cache;
        this.uncached = uncached;
        this.names = List.copyOf(names);
        this.databases = List.copyOf(databases);
        this.resources = List.copyOf(resources);
    }

    @Override
    public Origin enrich(IpAddress ip, Origin soFar) {
        return cache.enrich(ip, soFar);
    }

    /**
     * The chain's answer without the {@link LookupCache}: for a caller that asks once per distinct
     * address (the report resolves each source once), where storing every answer in the cache is
     * pure cost — 150,000 concurrent-map insertions for a million-line log.
     */
    public Origin enrichOnce(IpAddress ip) {
        return uncached.enrich(ip, Origin.UNKNOWN);
    }

    /** The enrichers in chain order, by registry name. */
    public List<String> names() {
        return names;
    }

    /** Provenance of every database used, in chain order. */
    public List<DatabaseInfo> databases() {
        return databases;
    }

    public LookupCache cache() {
        return cache;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
