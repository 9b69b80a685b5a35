package org.hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.Message;
import org.hotline.channel.port.Outbox;

/**
 * The {@code outbox} table: one row per message and partner, {@code pending} until the partner's node
 * accepted it ({@code delivered}) or refused it for good ({@code failed}). Rows are created only by
 * {@link JdbcConcernStore#append}, in the transaction that stores the message, so a message can never
 * be stored without being queued, nor queued without being stored.
 *
 * <p>Hazard: marking an entry delivered is a separate transaction after the partner accepted it; a
 * crash in between delivers the message again, which the partner must (and does) treat as a duplicate.
 *
 * <p>Concurrency: the outbox delivers to each partner on its own thread, so {@link #delivered} and
 * {@link #failed} are called at once from several; each is one short transaction on one row. On
 * SQLite they queue on the single writer ({@link SqliteTransactions}: a lock in this process,
 * {@code BEGIN IMMEDIATE} with a busy timeout against other processes), so none fails with
 * "database is locked"; on PostgreSQL they touch different rows and run side by side.
 */
final class JdbcOutbox implements Outbox {
    private final Transactions tx;

    JdbcOutbox(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Queues {@code m} for {@code partner} on the caller's transaction, due at once: at the earlier of
     * its creation and {@code now}. Not simply its creation time: the desk dates a message just after
     * the concern's last one, which may be the partner's and ahead of our clock, and the reply must
     * not wait for our clock to catch up.
     */
    static void enqueue(Connection c, Message m, String partner, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (message_id, concern_id, partner, state, attempts, "
                + "next_attempt_ms) VALUES (?, ?, ?, 'pending', 0, ?)")) {
            s.setString(1, m.id());
            s.setString(2, m.concernId());
            s.setString(3, partner);
            s.setLong(4, Math.min(m.created().toEpochMilli(), now.toEpochMilli()));
            s.executeUpdate();
        }
    }

    /** The first {@code perPartner} due rows of each partner, numbered per partner by a window function (SQLite 3.25+, PostgreSQL). */
    @Override
    public List<Delivery> due(Instant now, int perPartner) {
        return tx.read("listing due deliveries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, message_id, concern_id, partner, attempts, next_attempt_ms, "
                    + "last_error FROM (SELECT id, message_id, concern_id, partner, attempts, next_attempt_ms, last_error, "
                    + "ROW_NUMBER() OVER (PARTITION BY partner ORDER BY id) AS place FROM outbox "
                    + "WHERE state = 'pending' AND next_attempt_ms <= ?) due WHERE place <= ? ORDER BY id")) {
                s.setLong(1, now.toEpochMilli());
                s.setInt(2, perPartner);
                List<Delivery> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Delivery(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                                Instant.ofEpochMilli(r.getLong(6)), r.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void delivered(long deliveryId, Instant at) {
        tx.write("marking delivery " + deliveryId + " delivered", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'delivered', delivered_ms = ? WHERE id = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, deliveryId);
                requireOne(s.executeUpdate(), "no outbox entry " + deliveryId);
            }
            return null;
        });
    }

    @Override
    public void failed(long deliveryId, Instant retryAt, String error, boolean permanent) {
        tx.write("recording a failed delivery " + deliveryId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = ?, attempts = attempts + 1, "
                    + "next_attempt_ms = ?, last_error = ? WHERE id = ? AND state = 'pending'")) {
                s.setString(1, permanent ? "failed" : "pending");
                s.setLong(2, retryAt.toEpochMilli());
                s.setString(3, error);
                s.setLong(4, deliveryId);
                if (s.executeUpdate() == 1 || setAside(c, deliveryId)) {
                    return null;
                }
            }
            throw new IllegalStateException("no pending outbox entry " + deliveryId + " (delivered or failed for good)");
        });
    }

    /**
     * Whether the entry's message was set aside by a fork (JdbcConcernStore.appendInstead, which also
     * stops the entry) while a delivery of it was under way: that delivery's outcome no longer matters.
     */
    private static boolean setAside(Connection c, long deliveryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM outbox o JOIN message m ON m.id = o.message_id "
                + "WHERE o.id = ? AND m.position < 0")) {
            s.setLong(1, deliveryId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @Override
    public boolean isDelivered(String messageId) {
        return tx.read("checking delivery of " + messageId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM outbox WHERE message_id = ? AND state = 'delivered'")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public void served(String partner, java.util.Collection<String> messageIds, Instant at) {
        if (messageIds.isEmpty()) {
            return;
        }
        tx.write("recording what " + partner + " fetched", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET served_ms = ? WHERE partner = ? AND message_id = ? "
                    + "AND served_ms IS NULL")) {
                for (String id : messageIds) {
                    s.setLong(1, at.toEpochMilli());
                    s.setString(2, partner);
                    s.setString(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean reachedPartner(String messageId) {
        return tx.read("checking whether the partner has " + messageId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM outbox WHERE message_id = ? "
                    + "AND (state = 'delivered' OR served_ms IS NOT NULL)")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public List<Entry> entries(String concernId) {
        return tx.read("listing the outbox of " + concernId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, message_id, concern_id, partner, attempts, next_attempt_ms, "
                    + "last_error, state, delivered_ms FROM outbox WHERE concern_id = ? ORDER BY id")) {
                s.setString(1, concernId);
                List<Entry> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Delivery d = new Delivery(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                                Instant.ofEpochMilli(r.getLong(6)), r.getString(7));
                        long deliveredMs = r.getLong(9);
                        Instant deliveredAt = r.wasNull() ? null : Instant.ofEpochMilli(deliveredMs);
                        out.add(new Entry(d, State.valueOf(r.getString(8).toUpperCase(java.util.Locale.ROOT)), deliveredAt));
                    }
                }
                return out;
            }
        });
    }

    private static void requireOne(int updated, String otherwise) {
        if (updated != 1) {
            throw new IllegalStateException(otherwise);
        }
    }
}
