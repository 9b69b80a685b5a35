package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No data loss after a write was acknowledged", on PostgreSQL, on a server of its own (its data
 * directory outlives it): first the appending client is killed with SIGKILL, then — the case that
 * matters for PostgreSQL — every process of the server itself is, while a client appends; the
 * server restarts on the same data directory (crash recovery) and must hold every acknowledged message.
 *
 * <p>The server runs as zonky configures it, with {@code synchronous_commit = off}: it acknowledges
 * a commit before its WAL is flushed, so a server crash would lose the last ones. The store raises
 * the setting to {@code on} for its own sessions ({@link PostgresTransactions}); this test is what
 * shows that it does.
 */
class PostgresDurabilityIT {
    @TempDir
    Path dir;

    private EmbeddedPostgres start(Path data) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on").start();
    }

    @Test
    void everyAcknowledgedAppendSurvivesKillingTheClientOrTheServer() throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = start(data);
        String url = server.getJdbcUrl("postgres", "postgres");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW synchronous_commit")) {
            r.next();
            assertThat(r.getString(1)).as("the server's own setting").isEqualTo("off");
        }

        AppenderProcess client = AppenderProcess.start(url, dir.resolve("client-killed.err"));
        client.awaitAcknowledged(50 + ThreadLocalRandom.current().nextInt(200), Duration.ofSeconds(60));
        assertThat(client.kill()).isEqualTo(137);
        try (NodeDatabase db = NodeDatabase.open(url)) {
            client.assertEverythingAcknowledgedIsIn(db);
        }

        AppenderProcess appender = AppenderProcess.start(url, dir.resolve("server-killed.err"));
        appender.awaitAcknowledged(50 + ThreadLocalRandom.current().nextInt(200), Duration.ofSeconds(60));
        killServer(data);
        appender.awaitExit(Duration.ofSeconds(20));
        closeQuietly(server);

        EmbeddedPostgres restarted = start(data);
        try (NodeDatabase db = NodeDatabase.open(restarted.getJdbcUrl("postgres", "postgres"))) {
            appender.assertEverythingAcknowledgedIsIn(db);
            client.assertEverythingAcknowledgedIsIn(db);
        } finally {
            restarted.close();
        }
    }

    /** SIGKILL to the postmaster and every process under it, as a crash would leave them. */
    private static void killServer(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        assertThat(all).hasSizeGreaterThan(3);   // postmaster, checkpointer, WAL writer, the client's backends, ...
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get();
        }
    }

    private static void closeQuietly(EmbeddedPostgres killed) {
        try {
            killed.close();
        } catch (IOException | RuntimeException e) {
            // pg_ctl stop finds no server: it was killed on purpose.
        }
    }
}
