package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No data loss on kill -9 after a write was acknowledged", on SQLite: a child JVM appends to the
 * file and prints each acknowledged id; it is killed with SIGKILL mid-stream, at a random point,
 * three times over on the same file; each time the file must pass SQLite's integrity check and hold
 * every acknowledged message with its outbox entry.
 */
class SqliteDurabilityIT {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAppendSurvivesKillMinus9() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("node.db");
        for (int run = 1; run <= 3; run++) {
            AppenderProcess child = AppenderProcess.start(url, dir.resolve("appender-" + run + ".err"));
            child.awaitAcknowledged(50 + ThreadLocalRandom.current().nextInt(250), Duration.ofSeconds(60));
            assertThat(child.kill()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("ok");
            }
            try (NodeDatabase db = NodeDatabase.open(url)) {
                child.assertEverythingAcknowledgedIsIn(db);
                assertThat(db.concerns().concernIds()).hasSize(run);
            }
        }
    }
}
