package org.hotline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.hotline.channel.port.TaxiiStatuses;

/** TAXII status resources in the {@code taxii_status} table, one row each, as the JSON the server answers. */
final class JdbcTaxiiStatuses implements TaxiiStatuses {
    private final Transactions tx;

    JdbcTaxiiStatuses(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(String id, String owner, Instant requested, String json) {
        tx.write("saving TAXII status " + id, c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM taxii_status WHERE id = ?");
                 PreparedStatement s = c.prepareStatement("INSERT INTO taxii_status (id, owner, requested_us, json) VALUES (?, ?, ?, ?)")) {
                d.setString(1, id);
                d.executeUpdate();
                s.setString(1, id);
                s.setString(2, owner);
                s.setLong(3, TaxiiTime.micros(requested));
                s.setString(4, json);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> find(String id, String owner) {
        return tx.read("reading TAXII status " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT json FROM taxii_status WHERE id = ? AND owner = ?")) {
                s.setString(1, id);
                s.setString(2, owner);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return tx.write("purging TAXII statuses before " + cutoff, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM taxii_status WHERE requested_us < ?")) {
                s.setLong(1, TaxiiTime.micros(cutoff));
                return s.executeUpdate();
            }
        });
    }
}
