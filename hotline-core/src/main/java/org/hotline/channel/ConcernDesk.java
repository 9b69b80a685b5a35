package org.hotline.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.hotline.channel.ChannelException.Reason;
import org.hotline.channel.ConcernLifecycle.Role;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;
import org.hotline.channel.port.Signer;

/**
 * What a party does with concerns: file them, take the next step, and take in its partners'
 * messages. Every step is checked against the channel's terms and the lifecycle, sealed with this
 * party's key, chained to the history, stored and queued for the partner in one transaction.
 * Every refusal is a {@link ChannelException} with a reason and a sentence.
 *
 * <p>Thread-safety: safe to share; concurrent steps on one concern are serialised by the store's
 * atomic append (the loser gets BROKEN_CHAIN and may retry).
 */
public final class ConcernDesk {
    private final Party self;
    private final Signer signer;
    private final ChannelRegistry channels;
    private final ConcernStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final BiPredicate<Message, String> signatureCheck;

    public ConcernDesk(Party self, Signer signer, ChannelRegistry channels, ConcernStore store, Outbox outbox, Clock clock) {
        this(self, signer, channels, store, outbox, clock, Seal::verify);
    }

    /**
     * @param signatureCheck whether a message verifies with an author's public key: {@link Seal#verify},
     *                       or something that gives its answers (the TAXII intake remembers them, so a
     *                       message checked before its envelope takes the lock is not checked again)
     */
    public ConcernDesk(Party self, Signer signer, ChannelRegistry channels, ConcernStore store, Outbox outbox, Clock clock,
                       BiPredicate<Message, String> signatureCheck) {
        if (!self.publicKey().equals(signer.publicKey())) {
            throw new IllegalArgumentException("the signer's key is not " + self.name() + "'s public key");
        }
        this.self = self;
        this.signer = signer;
        this.channels = channels;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.signatureCheck = signatureCheck;
    }

    public Party self() {
        return self;
    }

    /** Files a new concern on a channel; a draft is stored unsealed and sent later with {@link #send}. */
    public Concern file(MessageBody.Filing filing, boolean draft) {
        Channel channel = channel(filing.channelId());
        if (!channel.local().id().equals(self.id()) || !channel.partner().id().equals(filing.recipient())) {
            throw new ChannelException(Reason.FORBIDDEN, "channel " + channel.id() + " joins " + channel.local().name()
                    + " and " + channel.partner().name() + "; it cannot carry a concern to " + filing.recipient());
        }
        checkTerms(channel, filing);
        Materials.check(filing.materials());
        String id = Ids.random("incident");
        Message message = new Message(id, id, self.id(), now(), filing, null, null);
        if (draft) {
            store.append(message, null);
        } else {
            store.append(Seal.sign(message, signer), channel.partner().id());
        }
        return concern(id);
    }

    /** Seals and sends a draft. */
    public Concern send(String concernId) {
        List<Message> history = history(concernId);
        Message draft = history.get(0);
        if (draft.isSealed()) {
            throw new ChannelException(Reason.ILLEGAL_TRANSITION, "concern " + concernId + " was already sent");
        }
        Channel channel = channel(((MessageBody.Filing) draft.body()).channelId());
        Message sealed = new Message(draft.id(), draft.concernId(), draft.author(), now(), draft.body(), null, null);
        store.append(Seal.sign(sealed, signer), channel.partner().id());
        return concern(concernId);
    }

    /** Takes the next step on a concern (acknowledge, request or provide materials, respond, close...). */
    public Concern act(String concernId, MessageBody body) {
        if (body instanceof MessageBody.Filing) {
            throw new ChannelException(Reason.INVALID, "use file() to file a new concern");
        }
        Concern concern = concern(concernId);
        if (concern.state() == ConcernState.DRAFT) {
            throw new ChannelException(Reason.ILLEGAL_TRANSITION, "concern " + concernId + " is a draft; send it first");
        }
        Role role = Concern.roleOf(self.id(), concern.filer(), concern.recipient(), concernId);
        ConcernLifecycle.next(concern.state(), MessageKind.of(body), role, concernId);
        Materials.check(Materials.of(body));
        Channel channel = channel(concern.channelId());
        Instant created = later(now(), concern.updated());
        Message unsigned = new Message(Ids.random("note"), concernId, self.id(), created, body,
                Seal.hash(concern.last()), null);
        store.append(Seal.sign(unsigned, signer), channel.partner().id());
        return concern(concernId);
    }

    /** What happened to an incoming message. */
    public enum Receipt {
        APPLIED,
        /**
         * Applied in place of this node's own steps after the message it follows, which the fork rule
         * ({@link Forks}) set aside: the operator should look ({@link ConcernStore#superseded}).
         */
        APPLIED_OVER_FORK,
        DUPLICATE
    }

    /**
     * Takes in a message from a partner (pushed to our inbox or pulled from theirs): checks who wrote
     * it, its signature, that it continues the history, and that the lifecycle allows it; applies it
     * once. The exact same message again is a harmless duplicate. A message that follows an earlier
     * message than our last one is a fork: settled by {@link Forks}, either applied in place of our
     * own later steps or refused as {@link Reason#DIVERGED}, which no retry can change (and its
     * author's node sets it aside when our step reaches it).
     */
    public Receipt receive(Message m) {
        List<Message> history = store.history(m.concernId());
        Channel channel = channelOf(m, history);
        if (m.author().equals(self.id())) {
            if (history.contains(m)) {
                return Receipt.DUPLICATE;
            }
            throw new ChannelException(Reason.FORBIDDEN, "message " + m.id() + " claims to be by " + self.name()
                    + " (this node) but this node never wrote it");
        }
        if (!m.author().equals(channel.partner().id())) {
            throw new ChannelException(Reason.FORBIDDEN, "message " + m.id() + " is by " + m.author()
                    + ", who is not the partner on channel " + channel.id());
        }
        if (!signatureCheck.test(m, channel.partner().publicKey())) {
            throw new ChannelException(Reason.BAD_SIGNATURE, "message " + m.id() + " does not verify with "
                    + channel.partner().name() + "'s key: it was altered or not signed by them");
        }
        for (Message known : history) {
            if (known.id().equals(m.id())) {
                if (known.equals(m)) {
                    return Receipt.DUPLICATE;
                }
                throw new ChannelException(Reason.CONFLICT, "message " + m.id() + " is already stored with different content");
            }
        }
        Materials.check(Materials.of(m.body()));
        String head = history.isEmpty() ? null : Seal.head(history);
        List<Message> setAside = List.of();
        if (!(m.body() instanceof MessageBody.Filing)) {
            // Most messages follow the head, whose hash is known: hash the rest of the history only for a fork.
            int follows = java.util.Objects.equals(head, m.previousHash()) ? history.size() - 1 : indexOfHash(history, m.previousHash());
            if (follows < 0) {
                throw new ChannelException(Reason.BROKEN_CHAIN, "message " + m.id() + " does not continue concern "
                        + m.concernId() + ": it follows " + m.previousHash() + " but the last message is " + head
                        + " (out of order: a message before it has not arrived)");
            }
            // What Forks relies on: a step is never dated before the message it follows, or a partner
            // could backdate one past our step (or the filing) and win every fork.
            Message previous = history.get(follows);
            if (m.created().isBefore(previous.created())) {
                throw new ChannelException(Reason.INVALID, "message " + m.id() + " is dated " + m.created()
                        + ", before the message it follows (" + previous.kind().id() + " " + previous.id() + ", "
                        + previous.created() + ")");
            }
            if (follows < history.size() - 1) {
                setAside = settleFork(m, previous, history.subList(follows + 1, history.size()), channel);
            }
        } else if (!java.util.Objects.equals(head, m.previousHash())) {
            throw new ChannelException(Reason.BROKEN_CHAIN, "message " + m.id() + " does not continue concern "
                    + m.concernId() + ": it follows " + m.previousHash() + " but the last message is " + head
                    + " (out of order: a message before it has not arrived)");
        }
        if (m.body() instanceof MessageBody.Filing filing) {
            if (!filing.recipient().equals(self.id())) {
                throw new ChannelException(Reason.FORBIDDEN, "concern " + m.concernId() + " is addressed to "
                        + filing.recipient() + ", not to " + self.name());
            }
            checkTerms(channel, filing);
        } else {
            List<Message> extended = new ArrayList<>(history.subList(0, history.size() - setAside.size()));
            extended.add(m);
            Concern.of(extended, true, channel.terms());
        }
        if (setAside.isEmpty()) {
            store.append(m, null);
            return Receipt.APPLIED;
        }
        store.appendInstead(m, setAside);
        return Receipt.APPLIED_OVER_FORK;
    }

    /**
     * The partner's message {@code m} follows {@code ancestor}, after which this node holds {@code ours}:
     * a fork. Refuses {@code m} as DIVERGED if our first step there stands against it by {@link Forks}
     * (also what a step of the partner's looks like that its node has set aside already, seen again in
     * a pull). Otherwise returns our steps to set aside, which must all be our own and not yet in the
     * partner's hands (accepted from a push or fetched in a pull): if the partner wrote or had one of
     * them, {@code m} contradicts what the partner itself did (a node restored from an old backup, or
     * a dishonest one). That is no race and no rule settles it: FORBIDDEN.
     */
    private List<Message> settleFork(Message m, Message ancestor, List<Message> ours, Channel channel) {
        String partner = channel.partner().name();
        String fork = "message " + m.id() + " (" + m.kind().id() + " by " + partner + ", " + m.created()
                + ") follows " + ancestor.kind().id() + " " + ancestor.id() + ", after which this node holds ";
        Message first = ours.get(0);
        if (!first.author().equals(self.id())) {
            throw new ChannelException(Reason.FORBIDDEN, fork + partner + "'s own " + first.kind().id() + " " + first.id()
                    + ": a party cannot fork its own history");
        }
        if (!Forks.incomingStands(m, first)) {
            throw new ChannelException(Reason.DIVERGED, fork + self.name() + "'s " + first.kind().id() + " " + first.id()
                    + " (" + first.created() + "): both parties took a step without seeing the other's. The step taken"
                    + " first stands, " + first.id() + "; " + partner + "'s node sets " + m.id() + " aside when "
                    + first.id() + " reaches it (if it has not yet), and " + partner + " may take that step again after it");
        }
        for (Message o : ours) {
            if (!o.author().equals(self.id())) {
                throw new ChannelException(Reason.FORBIDDEN, fork + partner + "'s own " + o.kind().id() + " " + o.id()
                        + " after " + self.name() + "'s steps: " + partner + " cannot take back steps it built on");
            }
            if (outbox.reachedPartner(o.id())) {
                throw new ChannelException(Reason.FORBIDDEN, fork + self.name() + "'s " + o.kind().id() + " " + o.id()
                        + ", which " + partner + "'s node had accepted or fetched: a step cannot come before what its node had");
            }
        }
        return List.copyOf(ours);
    }

    private static int indexOfHash(List<Message> history, String hash) {
        if (hash == null) {
            return -1;
        }
        for (int i = 0; i < history.size(); i++) {
            Message h = history.get(i);
            if (h.isSealed() && Seal.hash(h).equals(hash)) {
                return i;
            }
        }
        return -1;
    }

    public Concern concern(String concernId) {
        List<Message> history = history(concernId);
        Message first = history.get(0);
        Channel channel = channel(((MessageBody.Filing) first.body()).channelId());
        boolean delivered = !first.author().equals(self.id()) || outbox.isDelivered(first.id());
        return Concern.of(history, delivered, channel.terms());
    }

    /** Every concern; throws on the first one whose history cannot be read (see {@link #listing}). */
    public List<Concern> concerns() {
        return store.concernIds().stream().map(this::concern).toList();
    }

    /**
     * Every concern this node holds, and apart, those whose stored history it cannot read (a broken
     * lifecycle, a channel gone, a row edited by hand), each with why: one such concern must not hide
     * every other from the operator, nor be left out without a word.
     */
    public Listing listing() {
        List<Concern> read = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (String id : store.concernIds()) {
            try {
                read.add(concern(id));
            } catch (RuntimeException e) {
                unreadable.add(new Unreadable(id, reason(e)));
            }
        }
        return new Listing(read, unreadable);
    }

    /** The message of a failure and of each cause beneath it that adds one: what the operator can act on. */
    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.toString();
    }

    /** What {@link #listing} found: the concerns read, and those that could not be, in the store's order. */
    public record Listing(List<Concern> concerns, List<Unreadable> unreadable) {
        public Listing {
            concerns = List.copyOf(concerns);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** A stored concern whose history cannot be read, and why. */
    public record Unreadable(String concernId, String reason) {}

    /** Open concerns whose current deadline has passed, by either side; unreadable ones left to {@link #listing}. */
    public List<Concern> overdue() {
        Instant now = clock.instant();
        return listing().concerns().stream().filter(c -> c.isOverdue(now)).toList();
    }

    private List<Message> history(String concernId) {
        List<Message> history = store.history(concernId);
        if (history.isEmpty()) {
            throw new ChannelException(Reason.NOT_FOUND, "no concern " + concernId + " here");
        }
        return history;
    }

    private Channel channelOf(Message m, List<Message> history) {
        if (m.body() instanceof MessageBody.Filing filing) {
            return channel(filing.channelId());
        }
        if (history.isEmpty()) {
            throw new ChannelException(Reason.NOT_FOUND, "message " + m.id() + " is about concern " + m.concernId()
                    + ", which this node has not received; its filing must come first");
        }
        return channel(((MessageBody.Filing) history.get(0).body()).channelId());
    }

    private Channel channel(String id) {
        return channels.channel(id).orElseThrow(() ->
                new ChannelException(Reason.NOT_FOUND, "no channel " + id + " here; add it with `hotline channel add`"));
    }

    private static void checkTerms(Channel channel, MessageBody.Filing filing) {
        if (!channel.terms().tlps().contains(filing.tlp())) {
            throw new ChannelException(Reason.NOT_ALLOWED_BY_TERMS, "channel with " + channel.partner().name()
                    + " does not allow " + filing.tlp().label() + "; allowed: " + channel.terms().tlps().stream().sorted()
                    .map(Tlp::id).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!channel.terms().kinds().contains(filing.kind())) {
            throw new ChannelException(Reason.NOT_ALLOWED_BY_TERMS, "channel with " + channel.partner().name()
                    + " does not carry " + filing.kind().id() + " concerns");
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /** Keeps a concern's timestamps increasing even if this node's clock is behind the partner's. */
    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b.plusMillis(1);
    }
}
