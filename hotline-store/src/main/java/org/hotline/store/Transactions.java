package org.hotline.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs units of work against the node's database: writes in a transaction (all or nothing, durable
 * once {@link #write} returns), reads on a pooled connection. One implementation per database,
 * because they differ in how writers are kept apart (see {@link SqliteTransactions}).
 *
 * <p>A {@link RuntimeException} thrown by the work (such as a refusal) rolls the transaction back and
 * reaches the caller unchanged; an {@link SQLException} is wrapped with {@code what} was being done.
 */
abstract class Transactions implements AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    abstract Dialect dialect();

    /** Runs {@code work} in one transaction and commits it; nothing of it remains if it throws. */
    abstract <T> T write(String what, Work<T> work);

    /** Runs {@code work} outside any explicit transaction (each statement sees committed data). */
    abstract <T> T read(String what, Work<T> work);

    /** A data source for Flyway, used once before the pools serve anything. */
    abstract DataSource migrationSource();

    @Override
    public abstract void close();
}
