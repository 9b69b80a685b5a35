package org.hotline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hotline.HotlineException;

/**
 * Transactions on PostgreSQL through a HikariCP pool, at the default READ COMMITTED isolation:
 * writers that touch the same concern or collection queue on that row's lock
 * ({@link Dialect#forUpdate}); everything else runs in parallel.
 *
 * <p>Durability: a commit is acknowledged only once its WAL is flushed. A server configured with
 * {@code synchronous_commit = off} (embedded test servers are) acknowledges commits it can still
 * lose when it crashes, so each connection raises it to {@code on} in that one case and leaves a
 * stronger setting ({@code remote_apply}, ...) alone. {@code fsync = off} cannot be fixed from a
 * session; that is the operator's choice.
 */
final class PostgresTransactions extends Transactions {
    private static final String DURABLE_COMMITS = "DO $$ BEGIN "
            + "IF current_setting('synchronous_commit') = 'off' THEN PERFORM set_config('synchronous_commit', 'on', false); END IF; "
            + "END $$";

    private final String description;
    private final HikariDataSource pool;

    PostgresTransactions(String url, String description) {
        this.description = description;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("hotline-postgresql");
        config.setMaximumPoolSize(8);
        config.setConnectionInitSql(DURABLE_COMMITS);
        this.pool = new HikariDataSource(config);
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    <T> T write(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
            // HikariCP restores auto-commit when the connection goes back to the pool.
        } catch (SQLException e) {
            throw new HotlineException(what + " in " + description, e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    <T> T read(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new HotlineException(what + " in " + description, e);
        }
    }

    @Override
    DataSource migrationSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
