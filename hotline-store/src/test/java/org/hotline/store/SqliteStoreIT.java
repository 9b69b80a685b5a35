package org.hotline.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** Every store contract on a SQLite file (a new one per database asked for). */
class SqliteStoreIT implements ConcernStoreContract, ChannelRegistryContract, OutboxContract,
        CollectionStoreContract, MedallionObjectsContract, MedallionManifestContract, MedallionWritesContract,
        ConcernExchangeContract, OutboxDeliveryContract, TaxiiStatusesContract, ForkReviewContract, ForkConvergenceContract {
    private final AtomicInteger files = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    public String freshUrl() {
        return "jdbc:sqlite:" + dir.resolve("node-" + files.incrementAndGet() + ".db");
    }
}
