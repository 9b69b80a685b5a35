package org.hotline.stix;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Ids;
import org.hotline.channel.Materials;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;

/**
 * Two real nodes (RU-CERT files, US-CERT answers) with real Ed25519 keys and real desks, and the
 * concern histories the STIX tests map: every kind of message, materials with IPv4 and IPv6 sources,
 * a source without ASN or time range, log excerpts with and without a file hash, an origin report.
 * Messages pass between the desks as {@link Message}s here; the STIX round trip is tested on top.
 */
public final class TwoNodes {
    public final MemoryNode ru;
    public final MemoryNode us;
    public final Channel ruSide;
    public final Channel usSide;
    private final Relay relay;

    /** How a message history gets from one node to the other. */
    @FunctionalInterface
    public interface Relay {
        /** Hands {@code from}'s history of the concern to {@code to}. */
        void relay(MemoryNode from, MemoryNode to, String concernId);
    }

    /** Two nodes that pass {@link Message}s to each other directly. */
    public TwoNodes() {
        this(TwoNodes::direct);
    }

    public TwoNodes(Relay relay) {
        this.relay = relay;
        MemoryNode.MutableClock clock = new MemoryNode.MutableClock(Instant.parse("2021-09-19T08:00:00.000Z"));
        Ed25519 ruKey = Ed25519.generate();
        Ed25519 usKey = Ed25519.generate();
        Party ruParty = new Party(Ids.random("identity"), "RU-CERT", "RU", ruKey.publicKey(), URI.create("https://127.0.0.1:9101/taxii2/ru/"));
        Party usParty = new Party(Ids.random("identity"), "US-CERT", "US", usKey.publicKey(), URI.create("https://127.0.0.1:9102/taxii2/us/"));
        ru = new MemoryNode(ruParty, ruKey, clock);
        us = new MemoryNode(usParty, usKey, clock);
        String channelId = Channel.idFor(ruParty.id(), usParty.id());
        ruSide = new Channel(channelId, ruParty, usParty, ChannelTerms.defaults(), clock.instant());
        usSide = new Channel(channelId, usParty, ruParty, ChannelTerms.defaults(), clock.instant());
        ru.save(ruSide);
        us.save(usSide);
    }

    public List<Party> parties() {
        return List.of(ru.party, us.party);
    }

    public Map<String, String> keys() {
        return Map.of(ru.party.id(), ru.party.publicKey(), us.party.id(), us.party.publicKey());
    }

    /** The founding example, from filing to closure, through every step of the happy path. */
    public List<Message> fullHistory() {
        Concern c = ru.desk.file(new MessageBody.Filing(ruSide.id(), us.party.id(), ConcernKind.REQUEST_FOR_INVESTIGATION,
                "Attacks on the election commission from US address space",
                "SSH brute force and web exploit probes against the commission's result servers, 17-19 September 2021.",
                Severity.HIGH, Tlp.AMBER, filingMaterials()), false);
        String id = c.id();
        relay(ru, us, id);
        step(us, id, new MessageBody.Acknowledgement("Taken up by the US-CERT duty officer."));
        step(us, id, new MessageBody.StatusUpdate("Contacting the hosting providers of AS64496 and AS64511."));
        step(us, id, new MessageBody.MaterialsRequest("Please send the nginx access log lines for 2001:db8:85a3::8a2e:370:7334 with times."));
        step(ru, id, new MessageBody.MaterialsProvided("Access log lines as requested.", providedMaterials()));
        step(us, id, new MessageBody.Response("Both sources were rented servers used as scanners; the customers were identified.",
                List.of("AS64496 suspended the customer's server", "AS64511 null-routed 2001:db8:85a3::8a2e:370:7334"),
                MessageBody.Outcome.ACTION_TAKEN));
        step(ru, id, new MessageBody.Closure(null));
        return ru.history(id);
    }

    /** A takedown request the recipient declines. */
    public List<Message> rejectedHistory() {
        Concern c = ru.desk.file(new MessageBody.Filing(ruSide.id(), us.party.id(), ConcernKind.TAKEDOWN_REQUEST,
                "Phishing kit on 203.0.113.10", null, Severity.MEDIUM, Tlp.CLEAR, null), false);
        relay(ru, us, c.id());
        step(us, c.id(), new MessageBody.Rejection("203.0.113.10 is not announced by any US network."));
        return ru.history(c.id());
    }

    /** An attack notification the filer withdraws after it is acknowledged. */
    public List<Message> withdrawnHistory() {
        Concern c = ru.desk.file(new MessageBody.Filing(ruSide.id(), us.party.id(), ConcernKind.ATTACK_NOTIFICATION,
                "Port scans from 198.51.100.99", null, Severity.LOW, Tlp.GREEN, null), false);
        relay(ru, us, c.id());
        step(us, c.id(), new MessageBody.Acknowledgement(null));
        step(ru, c.id(), new MessageBody.Withdrawal("The scans were an authorised penetration test."));
        return ru.history(c.id());
    }

    private void step(MemoryNode from, String concernId, MessageBody body) {
        from.clock().advance(Duration.ofMinutes(47));
        from.desk.act(concernId, body);
        relay(from, from == ru ? us : ru, concernId);
    }

    private void relay(MemoryNode from, MemoryNode to, String concernId) {
        relay.relay(from, to, concernId);
    }

    /** Hands the whole history to the other node, as a delivery would; what it has is a duplicate. */
    private static void direct(MemoryNode from, MemoryNode to, String concernId) {
        for (Message m : from.history(concernId)) {
            to.desk.receive(m);
        }
    }

    static Materials filingMaterials() {
        return new Materials(Ids.random("grouping"), "Sources seen attacking the election commission, 17-19 September 2021",
                List.of(new Materials.Sighting("198.51.100.23", 64496, "Example Hosting", "US", 412,
                                Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force")),
                        new Materials.Sighting("2001:db8:85a3::8a2e:370:7334", 64511, "Example Transit", "US", 37,
                                Instant.parse("2021-09-18T02:11:45Z"), Instant.parse("2021-09-18T02:19:12Z"), List.of("web-exploit", "path-scan")),
                        new Materials.Sighting("203.0.113.77", -1, null, "US", 5, null, null, List.of())),
                List.of(new Materials.LogExcerpt("auth.log", "3f9a5c1e".repeat(8), 3,
                                "Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2"),
                        new Materials.LogExcerpt("stdin", null, 88,
                                "2001:db8:85a3::8a2e:370:7334 - - [18/Sep/2021:02:11:45 +0000] \"GET /cgi-bin/.%2e/.%2e/bin/sh HTTP/1.1\" 400 157 \"-\" \"curl/7.68.0\"")),
                new Materials.ReportReference("hotline analyze of 3 inputs, 2021-09-17..19", "c0ffee00".repeat(8),
                        Instant.parse("2021-09-19T07:59:30Z"), "50 % of 6 verified sources geolocate to US"));
    }

    static Materials providedMaterials() {
        return new Materials(Ids.random("grouping"), "More brute force from 198.51.100.23, and the access log line asked for",
                List.of(new Materials.Sighting("198.51.100.23", 64496, "Example Hosting", "US", 3,
                        Instant.parse("2021-09-18T02:00:00Z"), Instant.parse("2021-09-18T02:30:00Z"), List.of("brute-force"))),
                List.of(new Materials.LogExcerpt("access.log", "0badc0de".repeat(8), 1207,
                        "2001:db8:85a3::8a2e:370:7334 - - [18/Sep/2021:02:19:12 +0000] \"GET /.env HTTP/1.1\" 404 153 \"-\" \"Mozilla/5.0\"")),
                null);
    }
}
