package org.hotline.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Two real parties with real keys, and helpers to write sealed messages between them. */
final class TwoParties {
    final Ed25519 ruKey = Ed25519.generate();
    final Ed25519 usKey = Ed25519.generate();
    final Party ru = new Party(Ids.random("identity"), "RU-CERT", "RU", ruKey.publicKey(), URI.create("https://127.0.0.1:9101/taxii2/ru/"));
    final Party us = new Party(Ids.random("identity"), "US-CERT", "US", usKey.publicKey(), URI.create("https://127.0.0.1:9102/taxii2/us/"));
    final String channelId = Channel.idFor(ru.id(), us.id());
    final Map<String, String> keys = Map.of(ru.id(), ru.publicKey(), us.id(), us.publicKey());
    Instant clock = Instant.parse("2021-09-19T08:00:00.000Z");

    Materials materials() {
        return new Materials(Ids.random("grouping"), "sources seen attacking the election commission",
                List.of(new Materials.Sighting("198.51.100.23", 64496, "Example Hosting", "US", 412,
                        Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"))),
                List.of(new Materials.LogExcerpt("auth.log", "ab".repeat(32), 3, "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2")),
                new Materials.ReportReference("hotline analyze", "cd".repeat(32), Instant.parse("2021-09-19T07:59:30Z"), "50 % of verified sources geolocate to US"));
    }

    Message filing() {
        String id = Ids.random("incident");
        MessageBody.Filing body = new MessageBody.Filing(channelId, us.id(), ConcernKind.REQUEST_FOR_INVESTIGATION,
                "Attacks on the election commission from US address space", "Brute force against SSH", Severity.HIGH,
                Tlp.AMBER, materials());
        return Seal.sign(new Message(id, id, ru.id(), clock, body, null, null), ruKey);
    }

    Message next(List<Message> history, Party author, MessageBody body) {
        clock = clock.plusSeconds(3600);
        Ed25519 key = author == ru ? ruKey : usKey;
        Message last = history.get(history.size() - 1);
        return Seal.sign(new Message(Ids.random("note"), last.concernId(), author.id(), clock, body, Seal.hash(last), null), key);
    }
}
