package org.hotline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.hotline.channel.port.CollectionStore.Query;

/**
 * A TAXII filter as one SQL query (window functions; SQLite 3.25+ and PostgreSQL), applying the
 * filters in medallion's order ({@code medallion/filters/basic_filter.py process_filter}), because the
 * order changes the answer:
 * <ol>
 *   <li>{@code match[id]}, {@code match[type]};</li>
 *   <li>{@code match[spec_version]}; by default, per object, only the versions in its newest spec
 *       version among <em>all</em> its stored versions (an object stored in 2.0 and 2.1 shows only
 *       its 2.1 versions; one stored only in 2.0 still shows);</li>
 *   <li>{@code added_after}, exclusive;</li>
 *   <li>{@code match[version]} (first/last/all/timestamps) among what is left;</li>
 *   <li>date-added order, then the cursor and the limit last, so that "first" and "last" do not
 *       change from one page to the next.</li>
 * </ol>
 *
 * <p>Hazard: the spec-version and version windows scan every row of the matching ids or types, so a
 * page of a huge unfiltered collection costs a scan of the collection; fine for a hotline's volumes.
 */
final class CollectionQuery {
    private final StringBuilder sql = new StringBuilder(640);
    private final List<Object> params = new ArrayList<>();

    private CollectionQuery() {}

    /** Versions as TAXII defaults them: none given means "last". */
    static Set<String> versions(Set<String> asked) {
        return asked == null || asked.isEmpty() ? Set.of("last") : asked;
    }

    static CollectionQuery of(String collection, Query q) {
        CollectionQuery b = new CollectionQuery();
        b.sql.append("SELECT sequence, stix_id, stix_type, version, spec_version, date_added_us, json FROM (")
                .append("SELECT v.*, ROW_NUMBER() OVER (PARTITION BY stix_id ORDER BY version_us) AS first_rank, ")
                .append("ROW_NUMBER() OVER (PARTITION BY stix_id ORDER BY version_us DESC) AS last_rank FROM (")
                .append("SELECT o.*, MAX(o.spec_version) OVER (PARTITION BY o.stix_id) AS newest_spec ")
                .append("FROM taxii_object o WHERE o.collection_id = ?");
        b.params.add(collection);
        b.in(" AND o.stix_id", q.ids());
        b.in(" AND o.stix_type", q.types());
        b.sql.append(") v WHERE ");
        if (q.specVersions() == null || q.specVersions().isEmpty()) {
            b.sql.append("v.spec_version = v.newest_spec");
        } else {
            b.in("v.spec_version", q.specVersions());
        }
        if (q.addedAfter() != null) {
            b.sql.append(" AND v.date_added_us > ?");
            b.params.add(TaxiiTime.micros(q.addedAfter()));
        }
        b.sql.append(") r WHERE r.sequence > ?");
        b.params.add(q.after());
        b.versionFilter(versions(q.versions()));
        b.sql.append(" ORDER BY r.sequence LIMIT ?");
        b.params.add(q.limit() + 1L);   // one more than asked: tells whether there is more
        return b;
    }

    private void versionFilter(Set<String> versions) {
        if (versions.contains("all")) {
            return;
        }
        List<String> either = new ArrayList<>();
        if (versions.contains("first")) {
            either.add("r.first_rank = 1");
        }
        if (versions.contains("last")) {
            either.add("r.last_rank = 1");
        }
        List<Long> timestamps = new ArrayList<>();
        for (String v : versions) {
            if (!v.equals("first") && !v.equals("last")) {
                timestamps.add(TaxiiTime.parseMicros(v));
            }
        }
        if (!timestamps.isEmpty()) {
            either.add("r.version_us IN (" + String.join(", ", Collections.nCopies(timestamps.size(), "?")) + ")");
        }
        sql.append(" AND (").append(String.join(" OR ", either)).append(')');
        params.addAll(timestamps);
    }

    private void in(String column, Set<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        sql.append(column).append(" IN (").append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
        params.addAll(values.stream().sorted().toList());
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                s.setLong(i + 1, l);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
