package org.hotline.geo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Enricher;
import org.hotline.geo.csv.RangeCsvEnricher;
import org.hotline.geo.mmdb.MmdbAsnEnricher;
import org.hotline.geo.mmdb.MmdbCountryEnricher;
import org.hotline.geo.tor.TorExitEnricher;

/**
 * The built-in enrichers, listed literally in chain order, and the one method that assembles them
 * behind a {@link LookupCache}: non-routable first (so the databases skip private space), then
 * country, then ASN, then Tor exits. The spoofable/reflected judgement is not here: it depends on
 * the event's protocol and port, not the address ({@code org.hotline.event.Verification}).
 */
public final class Enrichers {

    /** What one built-in opened: its enrichers in order, their provenance, and what to close. */
    record Opened(List<Enricher> enrichers, List<DatabaseInfo> databases, List<Closeable> resources) {}

    /** Opens a built-in from the sources; returns null when the sources do not ask for it. */
    @FunctionalInterface
    interface Opener {
        Opened open(GeoSources sources);
    }

    /** The registry: name → opener, in chain order. */
    static final List<Map.Entry<String, Opener>> BUILT_INS = List.of(
        Map.entry("non-routable", sources -> new Opened(List.of(NonRoutableEnricher.builtIn()),
                List.of(NonRoutableEnricher.builtIn().info()), List.of())),
        Map.entry("country", sources -> databases("country", sources.country())),
        Map.entry("asn", sources -> databases("asn", sources.asn())),
        Map.entry("tor-exits", sources -> {
            if (sources.torExits() == null) {
                return null;
            }
            TorExitEnricher tor = TorExitEnricher.open(sources.torExits());
            return new Opened(List.of(tor), List.of(tor.info()), List.of());
        }));

    private Enrichers() {}

    /** The built-ins' names in chain order. */
    public static List<String> names() {
        return BUILT_INS.stream().map(Map.Entry::getKey).toList();
    }

    public static EnricherChain assemble(GeoSources sources) {
        return assemble(sources, LookupCache.DEFAULT_CAPACITY);
    }

    /** Opens every requested built-in in order; on a failure closes what was opened and rethrows. */
    public static EnricherChain assemble(GeoSources sources, int cacheCapacity) {
        List<String> names = new ArrayList<>();
        List<Enricher> chain = new ArrayList<>();
        List<DatabaseInfo> databases = new ArrayList<>();
        List<Closeable> resources = new ArrayList<>();
        // Opened side by side: each database is hashed (and, the first time, unpacked) on open,
        // ~0.15 s apiece on a cold JVM, and they do not depend on one another.
        List<Thread> threads = new ArrayList<>();
        Opened[] opened = new Opened[BUILT_INS.size()];
        Throwable[] failed = new Throwable[BUILT_INS.size()];
        for (int i = 0; i < BUILT_INS.size(); i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    opened[index] = BUILT_INS.get(index).getValue().open(sources);
                } catch (RuntimeException | Error e) {
                    failed[index] = e;
                }
            }, "hotline-open-" + BUILT_INS.get(i).getKey());
            t.start();
            threads.add(t);
        }
        joinAll(threads);
        Throwable first = null;
        for (int i = 0; i < BUILT_INS.size(); i++) {
            if (failed[i] != null && first == null) {
                first = failed[i];
            } else if (opened[i] != null) {
                names.add(BUILT_INS.get(i).getKey());
                chain.addAll(opened[i].enrichers());
                databases.addAll(opened[i].databases());
                resources.addAll(opened[i].resources());
            }
        }
        if (first != null) {
            // The first failure in chain order, as when they were opened one after another.
            for (Closeable c : resources) {
                try {
                    c.close();
                } catch (IOException suppressed) {
                    first.addSuppressed(suppressed);
                }
            }
            if (first instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) first;
        }
        Enricher all = chain.get(0);
        for (int i = 1; i < chain.size(); i++) {
            all = all.andThen(chain.get(i));
        }
        return new EnricherChain(new LookupCache(all, cacheCapacity), all, names, databases, resources);
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** MaxMind DB files one enricher each, in order; range CSVs of the role together as one. */
    private static Opened databases(String role, List<DatabaseFile> files) {
        if (files.isEmpty()) {
            return null;
        }
        List<Enricher> enrichers = new ArrayList<>();
        List<DatabaseInfo> infos = new ArrayList<>();
        List<Closeable> resources = new ArrayList<>();
        List<Path> csvs = files.stream().filter(DatabaseFile::isCsv).map(DatabaseFile::path).toList();
        boolean csvAdded = false;
        try {
            for (DatabaseFile file : files) {
                if (file.isCsv()) {
                    if (!csvAdded) {
                        RangeCsvEnricher csv = role.equals("country") ? RangeCsvEnricher.country(csvs, file.source())
                                : RangeCsvEnricher.asn(csvs, file.source());
                        enrichers.add(csv);
                        infos.addAll(csv.databases());
                        csvAdded = true;
                    }
                } else if (role.equals("country")) {
                    MmdbCountryEnricher mmdb = MmdbCountryEnricher.open(file.path(), file.source());
                    resources.add(mmdb);
                    enrichers.add(mmdb);
                    infos.add(mmdb.info());
                } else {
                    MmdbAsnEnricher mmdb = MmdbAsnEnricher.open(file.path(), file.source());
                    resources.add(mmdb);
                    enrichers.add(mmdb);
                    infos.add(mmdb.info());
                }
            }
        } catch (RuntimeException e) {
            for (Closeable c : resources) {
                try {
                    c.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new Opened(enrichers, infos, resources);
    }
}
