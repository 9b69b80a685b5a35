package org.hotline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.hotline.HotlineException;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.TaxiiStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's database: opens it from a JDBC URL, brings its schema up to date (Flyway, the scripts in
 * {@code db/hotline}, the same for both databases), and hands out the channel's stores on it.
 *
 * <ul>
 *   <li>{@code jdbc:sqlite:/var/lib/hotline/hotline.db} — the default: one file, WAL, every
 *       acknowledged write kept through {@code kill -9}, not through a power cut (see {@link SqliteTransactions}).</li>
 *   <li>{@code jdbc:postgresql://host/db?user=...&password=...} — production, pooled with HikariCP.</li>
 * </ul>
 *
 * <p>Thread-safety: the database and its stores are safe to share between threads. Open each file or
 * database once per process: the in-process serialisation of SQLite writers is per instance (other
 * processes are still kept out by SQLite's own lock, with a busy timeout).
 */
public final class NodeDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDatabase.class);

    private final String description;
    private final Transactions transactions;
    private final JdbcConcernStore concerns;
    private final JdbcChannelRegistry channels;
    private final JdbcOutbox outbox;
    private final JdbcCollectionStore collections;
    private final JdbcTaxiiStatuses statuses;

    private NodeDatabase(String description, Transactions transactions, Clock clock) {
        this.description = description;
        this.transactions = transactions;
        this.concerns = new JdbcConcernStore(transactions, clock);
        this.channels = new JdbcChannelRegistry(transactions);
        this.outbox = new JdbcOutbox(transactions);
        this.collections = new JdbcCollectionStore(transactions, clock);
        this.statuses = new JdbcTaxiiStatuses(transactions);
    }

    /** Opens and migrates the database at {@code jdbcUrl}, on the system clock. */
    public static NodeDatabase open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /**
     * As {@link #open(String)}, with the clock that stamps TAXII objects' date added and new outbox
     * entries (the desk dates messages with its own clock; give both the same one).
     */
    public static NodeDatabase open(String jdbcUrl, Clock clock) {
        Dialect dialect = Dialect.of(jdbcUrl);
        String description = describe(jdbcUrl);
        Transactions transactions = switch (dialect) {
            case SQLITE -> new SqliteTransactions(prepareSqliteFile(jdbcUrl));
            case POSTGRESQL -> new PostgresTransactions(jdbcUrl, description);
        };
        try {
            Flyway flyway = Flyway.configure(NodeDatabase.class.getClassLoader())
                    .dataSource(transactions.migrationSource())
                    .locations("classpath:db/hotline")
                    .placeholders(dialect.placeholders())
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            LOG.info("opened {} at schema version {} ({} migrations applied now)", description,
                    flyway.info().current().getVersion(), applied);
        } catch (RuntimeException e) {
            transactions.close();
            throw new HotlineException("migrating the schema of " + description, e);
        }
        return new NodeDatabase(description, transactions, clock);
    }

    public ConcernStore concerns() {
        return concerns;
    }

    public ChannelRegistry channels() {
        return channels;
    }

    public Outbox outbox() {
        return outbox;
    }

    public CollectionStore collections() {
        return collections;
    }

    public TaxiiStatuses statuses() {
        return statuses;
    }

    /** The URL without its query string, which may hold a password: safe for logs and messages. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        transactions.close();
    }

    static String describe(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** Creates the directory of a plain file URL, so a first run does not fail on a missing folder. */
    private static String prepareSqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        if (!file.isEmpty() && !file.startsWith(":") && !file.startsWith("file:") && file.indexOf('?') < 0) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new HotlineException("creating the database directory " + parent, e);
            }
        }
        return jdbcUrl;
    }
}
