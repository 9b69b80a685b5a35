package org.hotline.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server per test JVM (zonky's binaries from Maven Central, no Docker; startup
 * takes a few seconds, so it is started once, on first use, and stopped by zonky's shutdown hook).
 * Every test gets a database of its own, created empty.
 */
final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // fsync off: these tests check semantics, and each CREATE DATABASE checkpoints. Durability
                // is tested on a server of its own with fsync on (PostgresDurabilityIT).
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates an empty database and returns its URL. */
    static String freshDatabase() {
        String name = "hotline_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // FILE_COPY: copying the small template is much faster than WAL-logging it (PG 15+'s default).
            s.execute("CREATE DATABASE " + name + " STRATEGY = FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
