package org.hotline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.hotline.HotlineException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Transactions on a SQLite file. SQLite allows one writer at a time, so writes go through a single
 * connection held by a fair lock and start with {@code BEGIN IMMEDIATE}, which takes the database's
 * write lock at once (a deferred transaction that reads first and writes later can fail with
 * SQLITE_BUSY half-way). Other processes on the same file (the CLI next to a running server) wait up
 * to {@link #BUSY_TIMEOUT_MS}. Reads use a small pool; in WAL mode they never block the writer.
 *
 * <p>Durability: WAL with {@code synchronous=NORMAL}. A commit is written to the WAL file before
 * {@code COMMIT} returns, but fsynced only at checkpoints. What Hotline promises is no data loss on
 * {@code kill -9} after a write was acknowledged ({@code SqliteDurabilityIT}): a killed process's
 * writes are already in the operating system's page cache, which survives it, so every acknowledged
 * commit is still there when the file is next opened, and a transaction cut short is rolled back.
 * What NORMAL gives up is the last commits before a power cut or kernel crash (the database itself
 * stays consistent); FULL would cover that too, at one fsync per commit, taken while holding the
 * single writer lock: 2-20 ms each on the benchmark machine, for three commits per TAXII envelope,
 * which made the writer lock the limit of ingest. A node that must also survive power loss needs
 * PostgreSQL (synchronous_commit on, see {@link PostgresTransactions}) or this line set back to FULL.
 *
 * <p>Hazard: {@code BEGIN}/{@code COMMIT} are issued as statements on a connection left in JDBC
 * auto-commit mode. sqlite-jdbc's own non-auto-commit mode would re-open a transaction right after
 * each commit (with IMMEDIATE, holding the write lock between writes); never mix the two.
 */
final class SqliteTransactions extends Transactions {
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final String url;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final HikariDataSource readers;

    SqliteTransactions(String url) {
        this.url = url;
        SQLiteDataSource source = source();
        try {
            this.writer = source.getConnection();
        } catch (SQLException e) {
            throw new HotlineException("opening " + url, e);
        }
        requireWal();
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setPoolName("hotline-sqlite-readers");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        this.readers = new HikariDataSource(pool);
    }

    /** WAL is what lets readers run beside the writer; SQLite silently keeps another mode where it cannot have it. */
    private void requireWal() {
        String mode;
        try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            mode = r.next() ? r.getString(1) : "?";
        } catch (SQLException e) {
            closeWriter();
            throw new HotlineException("reading the journal mode of " + url, e);
        }
        if (!"wal".equalsIgnoreCase(mode)) {
            closeWriter();
            throw new HotlineException(url + " runs in journal mode '" + mode
                    + "', not WAL (an in-memory database or a file system without shared memory?)");
        }
    }

    private void closeWriter() {
        try {
            writer.close();
        } catch (SQLException e) {
            // Already failing to open; the first error is the one to report.
        }
    }

    private SQLiteDataSource source() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);   // see the class comment: kill -9 safe in WAL mode
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    <T> T write(String what, Work<T> work) {
        writeLock.lock();
        try (Statement control = writer.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(writer);
                control.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback(control);
                }
            }
        } catch (SQLException e) {
            throw new HotlineException(what + " in " + url, e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void rollback(Statement control) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active": SQLite already rolled back on the error. Either way the
            // original failure is the one worth reporting.
        }
    }

    @Override
    <T> T read(String what, Work<T> work) {
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new HotlineException(what + " in " + url, e);
        }
    }

    @Override
    DataSource migrationSource() {
        return source();
    }

    @Override
    public void close() {
        readers.close();
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw new HotlineException("closing " + url, e);
        } finally {
            writeLock.unlock();
        }
    }
}
