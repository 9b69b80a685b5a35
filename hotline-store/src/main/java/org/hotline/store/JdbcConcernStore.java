package org.hotline.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.HotlineException;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.CanonicalJson;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Seal;
import org.hotline.channel.port.ConcernStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concern histories in the {@code concern} and {@code message} tables. Each message is kept as its
 * canonical JSON (RFC 8785 of {@link CanonicalForm#tree}), so "identical content" is byte equality
 * and reading it back gives the very message that was signed.
 *
 * <p>An append is one transaction that first locks the concern's row (the head it must chain to),
 * then decides: duplicate, draft being sent, conflict, broken chain, or a new message, which it
 * stores together with its outbox entry. Two appends to one concern therefore queue on that lock and
 * the second sees the first one's head; the unique (concern, position) key would stop a fork even if
 * they did not.
 */
final class JdbcConcernStore implements ConcernStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transactions tx;
    private final Clock clock;

    JdbcConcernStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The concern row as the appending transaction locked it; {@code headHash} is null for a draft. */
    private record Head(int length, String headHash) {}

    /** A message already stored under the id being appended. */
    private record Known(String concernId, int position, String hash, String json) {}

    @Override
    public boolean append(Message m, String deliverTo) {
        requireSealedUnlessDraft(m, deliverTo);
        String json = new String(CanonicalJson.bytes(CanonicalForm.tree(m)), StandardCharsets.UTF_8);
        String hash = m.isSealed() ? Seal.hash(m) : null;
        return tx.write("appending " + m.kind().id() + " " + m.id() + " to concern " + m.concernId(), c -> {
            if (m.body() instanceof MessageBody.Filing filing) {
                openConcern(c, m, filing.channelId());
            }
            Head head = lockHead(c, m.concernId());
            Known known = known(c, m.id());
            if (known != null) {
                if (known.json().equals(json)) {
                    return false;
                }
                if (known.hash() == null && m.isSealed() && known.position() == 0 && known.concernId().equals(m.concernId())) {
                    sendDraft(c, m, json, hash);
                    enqueue(c, m, deliverTo);
                    return true;
                }
                throw new ChannelException(Reason.CONFLICT, "message " + m.id() + " is already stored (concern "
                        + known.concernId() + ", position " + known.position() + ") with different content");
            }
            if (head == null) {
                throw new ChannelException(Reason.NOT_FOUND, "message " + m.id() + " is about concern " + m.concernId()
                        + ", which is not stored here");
            }
            if (!Objects.equals(head.headHash(), m.previousHash()) || (m.previousHash() == null && head.length() > 0)) {
                throw new ChannelException(Reason.BROKEN_CHAIN, "message " + m.id() + " follows " + m.previousHash()
                        + " but the head of concern " + m.concernId() + " is " + describe(head)
                        + ": another message got in first, or it is replayed or out of order");
            }
            insert(c, m, head.length(), json, hash);
            moveHead(c, m, hash, true);
            enqueue(c, m, deliverTo);
            return true;
        });
    }

    private static void requireSealedUnlessDraft(Message m, String deliverTo) {
        if (m.isSealed()) {
            return;
        }
        if (!(m.body() instanceof MessageBody.Filing)) {
            throw new ChannelException(Reason.INVALID, m.kind().id() + " " + m.id() + " is not sealed; only a draft filing may be stored unsealed");
        }
        if (deliverTo != null) {
            throw new ChannelException(Reason.INVALID, "draft " + m.id() + " cannot be queued for " + deliverTo + " before it is sealed");
        }
    }

    private static String describe(Head head) {
        return head.length() == 0 ? "empty" : head.headHash() == null ? "an unsent draft" : head.headHash();
    }

    /** Creates the concern's row for its filing unless it exists; refused appends roll it back. */
    private static void openConcern(Connection c, Message filing, String channelId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM channel WHERE id = ?")) {
            s.setString(1, channelId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ChannelException(Reason.NOT_FOUND, "concern " + filing.concernId() + " travels on channel "
                            + channelId + ", which is not registered here");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO concern (id, channel_id, length, head_hash, updated_ms) "
                + "VALUES (?, ?, 0, NULL, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, filing.concernId());
            s.setString(2, channelId);
            s.setLong(3, filing.created().toEpochMilli());
            s.executeUpdate();
        }
    }

    private Head lockHead(Connection c, String concernId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT length, head_hash FROM concern WHERE id = ?" + tx.dialect().forUpdate())) {
            s.setString(1, concernId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Head(r.getInt(1), r.getString(2)) : null;
            }
        }
    }

    private static Known known(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT concern_id, position, hash, json FROM message WHERE id = ?")) {
            s.setString(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Known(r.getString(1), r.getInt(2), r.getString(3), r.getString(4)) : null;
            }
        }
    }

    private static void insert(Connection c, Message m, int position, String json, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO message (id, concern_id, position, kind, author, created_ms, "
                + "hash, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, m.id());
            s.setString(2, m.concernId());
            s.setInt(3, position);
            s.setString(4, m.kind().id());
            s.setString(5, m.author());
            s.setLong(6, m.created().toEpochMilli());
            s.setString(7, hash);
            s.setString(8, json);
            s.executeUpdate();
        }
    }

    /** Sending a draft: the sealed filing takes the draft's place (same id, position 0). */
    private static void sendDraft(Connection c, Message sealed, String json, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET author = ?, created_ms = ?, hash = ?, json = ? WHERE id = ?")) {
            s.setString(1, sealed.author());
            s.setLong(2, sealed.created().toEpochMilli());
            s.setString(3, hash);
            s.setString(4, json);
            s.setString(5, sealed.id());
            s.executeUpdate();
        }
        moveHead(c, sealed, hash, false);
    }

    private static void moveHead(Connection c, Message m, String hash, boolean grows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE concern SET length = length + ?, head_hash = ?, updated_ms = ? WHERE id = ?")) {
            s.setInt(1, grows ? 1 : 0);
            s.setString(2, hash);
            s.setLong(3, m.created().toEpochMilli());
            s.setString(4, m.concernId());
            s.executeUpdate();
        }
    }

    private void enqueue(Connection c, Message m, String deliverTo) throws SQLException {
        if (deliverTo != null) {
            JdbcOutbox.enqueue(c, m, deliverTo, clock.instant());
        }
    }

    @Override
    public List<Message> history(String concernId) {
        List<String> rows = tx.read("reading the history of " + concernId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT json FROM message WHERE concern_id = ? AND position >= 0 ORDER BY position")) {
                s.setString(1, concernId);
                List<String> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            }
        });
        List<Message> history = new ArrayList<>(rows.size());
        for (String json : rows) {
            history.add(parse(json, concernId, history.size() + 1));
        }
        return history;
    }

    private static Message parse(String json, String concernId, int number) {
        try {
            return CanonicalForm.message(JSON.readTree(json));
        } catch (RuntimeException e) {
            throw new HotlineException("reading message " + number + " of concern " + concernId + " from the database", e);
        }
    }

    @Override
    public void appendInstead(Message winner, List<Message> setAside) {
        if (setAside.isEmpty() || !winner.isSealed() || !Objects.equals(winner.previousHash(), setAside.get(0).previousHash())) {
            throw new IllegalArgumentException("appendInstead: " + winner.id() + " must be sealed and follow the message the set-aside steps follow");
        }
        String json = new String(CanonicalJson.bytes(CanonicalForm.tree(winner)), StandardCharsets.UTF_8);
        String hash = Seal.hash(winner);
        tx.write("settling a fork of concern " + winner.concernId() + " for " + winner.id(), c -> {
            Head head = lockHead(c, winner.concernId());
            String tail = Seal.hash(setAside.get(setAside.size() - 1));
            if (head == null || !tail.equals(head.headHash()) || known(c, winner.id()) != null) {
                throw new ChannelException(Reason.BROKEN_CHAIN, "concern " + winner.concernId() + " changed while "
                        + winner.id() + " was being taken in: its head is " + (head == null ? "gone" : describe(head)));
            }
            int lowest = lowestPosition(c, winner.concernId());
            int first = head.length() - setAside.size();
            long now = clock.millis();
            for (int i = 0; i < setAside.size(); i++) {
                setAside(c, setAside.get(i), first + i, lowest - 1 - i, winner.id(), now);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE concern SET length = ? WHERE id = ?")) {
                s.setInt(1, first);
                s.setString(2, winner.concernId());
                s.executeUpdate();
            }
            insert(c, winner, first, json, hash);
            moveHead(c, winner, hash, true);
            return null;
        });
    }

    private static int lowestPosition(Connection c, String concernId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(position) FROM message WHERE concern_id = ?")) {
            s.setString(1, concernId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Math.min(0, r.getInt(1)) : 0;
            }
        }
    }

    /** Moves one step out of the chain (checking it is the one at {@code position}) and stops its deliveries. */
    private static void setAside(Connection c, Message m, int position, int newPosition, String by, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET position = ?, superseded_by = ?, superseded_ms = ? "
                + "WHERE id = ? AND concern_id = ? AND position = ?")) {
            s.setInt(1, newPosition);
            s.setString(2, by);
            s.setLong(3, now);
            s.setString(4, m.id());
            s.setString(5, m.concernId());
            s.setInt(6, position);
            if (s.executeUpdate() != 1) {
                throw new ChannelException(Reason.BROKEN_CHAIN, "message " + m.id() + " is not at position " + position
                        + " of concern " + m.concernId() + "; nothing was set aside");
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'failed', last_error = ? "
                + "WHERE message_id = ? AND state <> 'delivered'")) {
            s.setString(1, "set aside: the partner's " + by + " came first (fork rule)");
            s.setString(2, m.id());
            s.executeUpdate();
        }
    }

    @Override
    public List<Superseded> superseded(String concernId) {
        record Row(String json, String by, long at) {}
        List<Row> rows = tx.read("reading the steps set aside in " + concernId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT json, superseded_by, superseded_ms FROM message "
                    + "WHERE concern_id = ? AND position < 0 ORDER BY position DESC")) {
                s.setString(1, concernId);
                List<Row> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Row(r.getString(1), r.getString(2), r.getLong(3)));
                    }
                }
                return out;
            }
        });
        List<Superseded> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Superseded(parse(r.json(), concernId, out.size() + 1), r.by(), java.time.Instant.ofEpochMilli(r.at())));
        }
        return out;
    }

    @Override
    public List<String> concernIds() {
        return tx.read("listing concerns", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM concern WHERE length > 0 ORDER BY updated_ms DESC, id")) {
                List<String> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
