package org.hotline.channel.account;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelTerms;
import org.hotline.channel.ConcernKind;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Ids;
import org.hotline.channel.Message;
import org.hotline.channel.MessageBody;
import org.hotline.channel.Party;
import org.hotline.channel.Seal;
import org.hotline.channel.Severity;
import org.hotline.channel.Tlp;

/**
 * Signed concern histories between two real parties, each step at a time the test states as an
 * offset from the filing, so expected outcomes can be worked out by hand from the channel's terms.
 */
final class History {
    static final Instant T0 = Instant.parse("2021-09-19T08:00:00Z");
    static final Ed25519 RU_KEY = Ed25519.generate();
    static final Ed25519 US_KEY = Ed25519.generate();
    static final Party RU = new Party(Ids.random("identity"), "RU-CERT", "RU", RU_KEY.publicKey(), URI.create("https://127.0.0.1:9101/taxii2/ru/"));
    static final Party US = new Party(Ids.random("identity"), "US-CERT", "US", US_KEY.publicKey(), URI.create("https://127.0.0.1:9102/taxii2/us/"));
    /** Acknowledge within 24 h, respond within 7 days, materials within 7 days. */
    static final ChannelTerms TERMS = ChannelTerms.defaults();

    private final List<Message> messages = new ArrayList<>();
    private final Party filer;
    private final Instant filed;

    /** A concern {@code filer} files to the other party at {@code T0 + at}. */
    History(Party filer, Duration at) {
        this.filer = filer;
        this.filed = T0.plus(at);
        Party to = filer == RU ? US : RU;
        String id = Ids.random("incident");
        MessageBody.Filing body = new MessageBody.Filing(Channel.idFor(RU.id(), US.id()), to.id(),
                ConcernKind.REQUEST_FOR_INVESTIGATION, "SSH brute force", "from the partner's address space",
                Severity.HIGH, Tlp.AMBER, null);
        messages.add(Seal.sign(new Message(id, id, filer.id(), filed, body, null, null), key(filer)));
    }

    /** The next step, by {@code author}, {@code after} the filing. */
    History then(Party author, Duration after, MessageBody body) {
        Message last = messages.get(messages.size() - 1);
        messages.add(Seal.sign(new Message(Ids.random("note"), last.concernId(), author.id(), filed.plus(after), body,
                Seal.hash(last), null), key(author)));
        return this;
    }

    /** The recipient of this concern. */
    Party recipient() {
        return filer == RU ? US : RU;
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    static Channel seenBy(Party self) {
        Party other = self == RU ? US : RU;
        return new Channel(Channel.idFor(RU.id(), US.id()), self, other, TERMS, T0.minus(Duration.ofDays(30)));
    }

    private static Ed25519 key(Party p) {
        return p == RU ? RU_KEY : US_KEY;
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    static Duration days(long d) {
        return Duration.ofDays(d);
    }
}
