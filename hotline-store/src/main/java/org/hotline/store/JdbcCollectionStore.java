package org.hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.channel.port.CollectionStore;

/**
 * TAXII 2.1 collections in the {@code taxii_collection} and {@code taxii_object} tables.
 *
 * <p>Each add locks its collection's row and hands out, per new object, the next sequence and a date
 * added of {@code max(now, last date added + 1 µs)}: strictly increasing within the collection even
 * for objects added in the same microsecond, by several requests at once, or after the clock stepped
 * back, so paging by date added can neither skip nor repeat (CHANNEL-NOTES c.4 item 6). Neither is
 * reused after a delete. Hazard: a burst of N objects pushes date added up to N µs ahead of the clock.
 *
 * <p>"Already present" follows medallion's add: the same id and version (compared as instants), or
 * for an object with no version of its own (an SCO, which is immutable) the same id at all.
 */
final class JdbcCollectionStore implements CollectionStore {
    private final Transactions tx;
    private final Clock clock;

    JdbcCollectionStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<Added> add(String collection, List<NewObject> objects) {
        Long[] versionsUs = new Long[objects.size()];
        for (int i = 0; i < versionsUs.length; i++) {
            versionsUs[i] = check(objects.get(i));
        }
        return tx.write("adding " + objects.size() + " objects to collection " + collection, c -> {
            long[] last = lockCollection(c, collection);
            long sequence = last[0];
            long added = last[1];
            long now = TaxiiTime.micros(clock.instant());
            List<Added> result = new ArrayList<>(objects.size());
            Set<String> thisRequest = new HashSet<>();
            // One statement of each kind per request, not per object: a TAXII envelope holds up to
            // a hundred objects or more.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO taxii_object (collection_id, sequence, stix_id, "
                    + "stix_type, version, version_us, spec_version, date_added_us, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement present = c.prepareStatement(PRESENT + " AND version_us = ?");
                 PreparedStatement presentAtAll = c.prepareStatement(PRESENT)) {
                for (int i = 0; i < objects.size(); i++) {
                    NewObject o = objects.get(i);
                    Long versionUs = versionsUs[i];
                    String key = o.id() + "|" + versionUs;
                    if (thisRequest.contains(key) || isPresent(versionUs == null ? presentAtAll : present, collection, o.id(), versionUs)) {
                        result.add(Added.ALREADY_PRESENT);
                        continue;
                    }
                    thisRequest.add(key);
                    thisRequest.add(o.id() + "|null");   // an SCO sent twice in one request
                    sequence++;
                    added = Math.max(now, added + 1);
                    insert.setString(1, collection);
                    insert.setLong(2, sequence);
                    insert.setString(3, o.id());
                    insert.setString(4, o.type());
                    insert.setString(5, o.version() == null ? TaxiiTime.format(added) : o.version());
                    insert.setLong(6, versionUs == null ? added : versionUs);
                    insert.setString(7, o.specVersion());
                    insert.setLong(8, added);
                    insert.setString(9, o.json());
                    insert.addBatch();
                    result.add(Added.ADDED);
                }
                insert.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE taxii_collection SET last_sequence = ?, last_added_us = ? WHERE id = ?")) {
                s.setLong(1, sequence);
                s.setLong(2, added);
                s.setString(3, collection);
                s.executeUpdate();
            }
            return result;
        });
    }

    /** Throws unless {@code o} can be stored; returns its version in microseconds, or null if it has none. */
    private static Long check(NewObject o) {
        if (o.id() == null || o.type() == null || o.specVersion() == null || o.json() == null) {
            throw new IllegalArgumentException("an object to add needs an id, a type, a spec version and its JSON: " + o.id());
        }
        return o.version() == null ? null : TaxiiTime.parseMicros(o.version());
    }

    /** Creates the collection on its first add; returns its last sequence and date added, locked. */
    private long[] lockCollection(Connection c, String collection) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO taxii_collection (id, last_sequence, last_added_us) "
                + "VALUES (?, 0, 0) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, collection);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_sequence, last_added_us FROM taxii_collection WHERE id = ?"
                + tx.dialect().forUpdate())) {
            s.setString(1, collection);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static final String PRESENT = "SELECT 1 FROM taxii_object WHERE collection_id = ? AND stix_id = ?";

    /** {@code s}: {@link #PRESENT}, with {@code AND version_us = ?} when {@code versionUs} is not null. */
    private static boolean isPresent(PreparedStatement s, String collection, String id, Long versionUs) throws SQLException {
        s.setString(1, collection);
        s.setString(2, id);
        if (versionUs != null) {
            s.setLong(3, versionUs);
        }
        try (ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }

    @Override
    public Page find(String collection, Query query) {
        if (query.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + query.limit());
        }
        CollectionQuery sql = CollectionQuery.of(collection, query);
        return tx.read("querying collection " + collection, c -> {
            List<Stored> rows = rows(c, sql);
            boolean more = rows.size() > query.limit();
            return new Page(more ? rows.subList(0, query.limit()) : rows, more);
        });
    }

    private static List<Stored> rows(Connection c, CollectionQuery sql) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement s = sql.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Stored(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        TaxiiTime.instant(r.getLong(6)), r.getString(7)));
            }
        }
        return out;
    }

    @Override
    public int delete(String collection, String id, Set<String> versions, Set<String> specVersions) {
        Query matching = new Query(Set.of(id), Set.of(), versions, specVersions, null, -1, Integer.MAX_VALUE - 1);
        CollectionQuery sql = CollectionQuery.of(collection, matching);
        return tx.write("deleting " + id + " from collection " + collection, c -> {
            List<Stored> doomed = rows(c, sql);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM taxii_object WHERE collection_id = ? AND sequence = ?")) {
                for (Stored o : doomed) {
                    s.setString(1, collection);
                    s.setLong(2, o.sequence());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return doomed.size();
        });
    }
}
