package org.hotline.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Party;
import org.hotline.channel.Tlp;
import org.hotline.channel.port.ChannelRegistry;

/**
 * Channels and both parties' identities in the {@code channel} and {@code party} tables. Saving a
 * channel updates its parties in place (a partner's new URL or key), so every channel that shares a
 * party sees the change.
 *
 * <p>Hazard: a party's key is replaced, not versioned; verifying old messages after a key rotation
 * needs the old key from elsewhere (the signed history itself does not carry it).
 */
final class JdbcChannelRegistry implements ChannelRegistry {
    private static final String SELECT = "SELECT c.id, c.tlps, c.concern_kinds, c.acknowledge_within_ms, c.respond_within_ms, "
            + "c.materials_within_ms, c.created_ms, "
            + "l.id, l.name, l.country, l.public_key, l.taxii_url, p.id, p.name, p.country, p.public_key, p.taxii_url "
            + "FROM channel c JOIN party l ON l.id = c.local_party JOIN party p ON p.id = c.partner_party";

    private final Transactions tx;

    JdbcChannelRegistry(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Channel channel) {
        tx.write("saving channel " + channel.id(), c -> {
            saveParty(c, channel.local());
            saveParty(c, channel.partner());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO channel (id, local_party, partner_party, tlps, "
                    + "concern_kinds, acknowledge_within_ms, respond_within_ms, materials_within_ms, created_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET local_party = excluded.local_party, "
                    + "partner_party = excluded.partner_party, tlps = excluded.tlps, concern_kinds = excluded.concern_kinds, "
                    + "acknowledge_within_ms = excluded.acknowledge_within_ms, respond_within_ms = excluded.respond_within_ms, "
                    + "materials_within_ms = excluded.materials_within_ms, created_ms = excluded.created_ms")) {
                ChannelTerms terms = channel.terms();
                s.setString(1, channel.id());
                s.setString(2, channel.local().id());
                s.setString(3, channel.partner().id());
                s.setString(4, join(terms.tlps(), Tlp::id));
                s.setString(5, join(terms.kinds(), ConcernKind::id));
                s.setLong(6, terms.acknowledgeWithin().toMillis());
                s.setLong(7, terms.respondWithin().toMillis());
                s.setLong(8, terms.materialsWithin().toMillis());
                s.setLong(9, channel.created().toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void saveParty(Connection c, Party party) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO party (id, name, country, public_key, taxii_url) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, "
                + "public_key = excluded.public_key, taxii_url = excluded.taxii_url")) {
            s.setString(1, party.id());
            s.setString(2, party.name());
            s.setString(3, party.country());
            s.setString(4, party.publicKey());
            s.setString(5, party.taxiiUrl() == null ? null : party.taxiiUrl().toString());
            s.executeUpdate();
        }
    }

    @Override
    public Optional<Channel> channel(String id) {
        return tx.read("reading channel " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE c.id = ?")) {
                s.setString(1, id);
                List<Channel> found = channels(s);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<Channel> channels() {
        return tx.read("listing channels", c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY c.created_ms, c.id")) {
                return channels(s);
            }
        });
    }

    private static List<Channel> channels(PreparedStatement s) throws SQLException {
        List<Channel> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ChannelTerms terms = new ChannelTerms(split(r.getString(2), Tlp::parse, Tlp.class),
                        split(r.getString(3), ConcernKind::parse, ConcernKind.class), Duration.ofMillis(r.getLong(4)),
                        Duration.ofMillis(r.getLong(5)), Duration.ofMillis(r.getLong(6)));
                out.add(new Channel(r.getString(1), party(r, 8), party(r, 13), terms, Instant.ofEpochMilli(r.getLong(7))));
            }
        }
        return out;
    }

    private static Party party(ResultSet r, int first) throws SQLException {
        String url = r.getString(first + 4);
        return new Party(r.getString(first), r.getString(first + 1), r.getString(first + 2), r.getString(first + 3),
                url == null ? null : URI.create(url));
    }

    private static <E extends Enum<E>> String join(Set<E> values, Function<E, String> id) {
        return EnumSet.copyOf(values).stream().map(id).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(String text, Function<String, E> parse, Class<E> type) {
        EnumSet<E> out = EnumSet.noneOf(type);
        Arrays.stream(text.split(",")).map(parse).forEach(out::add);
        return out;
    }
}
