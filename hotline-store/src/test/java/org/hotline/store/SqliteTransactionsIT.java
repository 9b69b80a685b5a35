package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.HotlineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings every SQLite connection of a node runs with, and what a failed write leaves behind. */
class SqliteTransactionsIT {
    @TempDir
    Path dir;

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void writerAndReadersRunInWalWithNormalSyncForeignKeysAndABusyTimeout() {
        // synchronous NORMAL (1), not FULL (2): enough in WAL mode for kill -9 (SqliteTransactions, SqliteDurabilityIT)
        try (SqliteTransactions tx = new SqliteTransactions("jdbc:sqlite:" + dir.resolve("node.db"))) {
            for (String[] setting : new String[][] {{"journal_mode", "wal"}, {"synchronous", "1"}, {"foreign_keys", "1"},
                    {"busy_timeout", "10000"}}) {
                assertThat(tx.<String>write("probing", c -> pragma(c, setting[0]))).as("writer " + setting[0]).isEqualTo(setting[1]);
                assertThat(tx.<String>read("probing", c -> pragma(c, setting[0]))).as("reader " + setting[0]).isEqualTo(setting[1]);
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothingAndTheNextWriteWorks() {
        try (SqliteTransactions tx = new SqliteTransactions("jdbc:sqlite:" + dir.resolve("node.db"))) {
            tx.write("creating", c -> c.createStatement().executeUpdate("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
            assertThatThrownBy(() -> tx.write("inserting", c -> {
                c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
                throw new IllegalStateException("refused half-way");
            })).hasMessage("refused half-way");
            assertThatThrownBy(() -> tx.write("inserting twice", c -> {
                c.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
                return c.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
            })).isInstanceOf(HotlineException.class).hasMessageStartingWith("inserting twice in jdbc:sqlite:")
                    .hasCauseInstanceOf(SQLException.class);
            tx.write("inserting", c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (3)"));
            assertThat(tx.<String>read("counting", c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT group_concat(x) FROM t")) {
                    r.next();
                    return r.getString(1);
                }
            })).isEqualTo("3");
        }
    }

    @Test
    void anInMemoryDatabaseIsRefused() {
        assertThatThrownBy(() -> NodeDatabase.open("jdbc:sqlite::memory:")).isInstanceOf(HotlineException.class)
                .hasMessageContaining("not WAL");
    }

    @Test
    void theDatabaseDirectoryIsCreated() {
        try (NodeDatabase db = NodeDatabase.open("jdbc:sqlite:" + dir.resolve("var/lib/hotline/hotline.db"))) {
            assertThat(db.concerns().concernIds()).isEmpty();
        }
        assertThat(dir.resolve("var/lib/hotline/hotline.db")).exists();
    }
}
