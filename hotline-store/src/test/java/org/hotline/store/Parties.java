package org.hotline.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Seal;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;

/**
 * Two real parties with real Ed25519 keys — RU-CERT files concerns, US-CERT answers them — the
 * channel between them as each side registers it, and sealed messages written the way
 * {@link org.hotline.channel.ConcernDesk} writes them, for tests that work below the desk.
 */
final class Parties {
    static final Instant START = Instant.parse("2021-09-19T08:00:00.000Z");

    final Ed25519 ruKey = Ed25519.generate();
    final Ed25519 usKey = Ed25519.generate();
    final Party ru = new Party(Ids.random("identity"), "RU-CERT", "RU", ruKey.publicKey(), URI.create("https://ru.example/taxii2/hotline/"));
    final Party us = new Party(Ids.random("identity"), "US-CERT", "US", usKey.publicKey(), URI.create("https://us.example/taxii2/hotline/"));
    final String channelId = Channel.idFor(ru.id(), us.id());
    final Map<String, String> keys = Map.of(ru.id(), ru.publicKey(), us.id(), us.publicKey());

    /** The channel as the node of {@code self} registers it. */
    Channel channelSeenBy(Party self) {
        Party partner = self.equals(ru) ? us : ru;
        return new Channel(channelId, self, partner, ChannelTerms.defaults(), START);
    }

    Ed25519 keyOf(Party p) {
        return p.equals(ru) ? ruKey : usKey;
    }

    static Materials materials() {
        return new Materials(Ids.random("grouping"), "sources seen attacking the election commission",
                List.of(new Materials.Sighting("198.51.100.23", 64496, "Example Hosting", "US", 412,
                        Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"))),
                List.of(new Materials.LogExcerpt("auth.log", "ab".repeat(32), 3,
                        "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2")),
                null);
    }

    MessageBody.Filing filingBody() {
        return new MessageBody.Filing(channelId, us.id(), ConcernKind.REQUEST_FOR_INVESTIGATION,
                "Attacks on the election commission from US address space", "SSH brute force", Severity.HIGH, Tlp.AMBER,
                materials());
    }

    /** RU's unsealed draft filing of a new concern. */
    Message draft(Instant at) {
        String id = Ids.random("incident");
        return new Message(id, id, ru.id(), at, filingBody(), null, null);
    }

    /** RU's sealed filing of a new concern. */
    Message filing(Instant at) {
        return Seal.sign(draft(at), ruKey);
    }

    /** A sealed message by {@code author} that continues {@code last}. */
    Message next(Message last, Party author, MessageBody body, Instant at) {
        return Seal.sign(new Message(Ids.random("note"), last.concernId(), author.id(), at, body, Seal.hash(last), null),
                keyOf(author));
    }
}
