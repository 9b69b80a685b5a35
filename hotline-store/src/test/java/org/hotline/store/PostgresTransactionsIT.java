package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Each PostgreSQL session acknowledges only flushed commits, without weakening a stronger setting. */
class PostgresTransactionsIT {

    private static String show(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void synchronousCommitIsRaisedFromOffOnly() throws SQLException {
        String url = PostgresServer.freshDatabase();
        try (Connection plain = DriverManager.getConnection(url)) {
            assertThat(show(plain, "synchronous_commit")).as("the test server's setting").isEqualTo("off");
        }
        try (PostgresTransactions tx = new PostgresTransactions(url, "test")) {
            assertThat(tx.<String>read("probing", c -> show(c, "synchronous_commit"))).isEqualTo("on");
            assertThat(tx.<String>write("probing", c -> show(c, "synchronous_commit"))).isEqualTo("on");
        }

        try (Connection plain = DriverManager.getConnection(url); Statement s = plain.createStatement()) {
            s.execute("ALTER DATABASE " + url.replaceAll(".*/([a-z_0-9]+)\\?.*", "$1") + " SET synchronous_commit = remote_apply");
        }
        try (PostgresTransactions tx = new PostgresTransactions(url, "test")) {
            assertThat(tx.<String>read("probing", c -> show(c, "synchronous_commit"))).isEqualTo("remote_apply");
        }
    }
}
