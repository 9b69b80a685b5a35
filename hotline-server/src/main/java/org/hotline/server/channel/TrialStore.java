package org.hotline.server.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.channel.ChannelException;
import org.hotline.channel.Message;
import org.hotline.channel.Seal;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;

/**
 * A scratch copy of the node's concern histories for one envelope: reads through to the real store,
 * keeps appends in memory. {@link ChannelIntake} runs the real {@code ConcernDesk.receive} over it
 * first, so an envelope is checked by exactly the rules that will apply it, and is applied only if
 * every message passes: all or nothing, without a transaction spanning several desk calls.
 * Append keeps the store's contract (chain head, duplicate, conflict), and so does settling a fork
 * (nothing is set aside for real until the real desk does it); the outbox is empty.
 */
final class TrialStore implements ConcernStore, Outbox {
    private final ConcernStore real;
    private final Outbox realOutbox;
    private final Map<String, List<Message>> histories = new HashMap<>();

    TrialStore(ConcernStore real, Outbox realOutbox) {
        this.real = real;
        this.realOutbox = realOutbox;
    }

    @Override
    public List<Message> history(String concernId) {
        return List.copyOf(histories.computeIfAbsent(concernId, id -> new ArrayList<>(real.history(id))));
    }

    @Override
    public boolean append(Message message, String deliverTo) {
        List<Message> h = histories.computeIfAbsent(message.concernId(), id -> new ArrayList<>(real.history(id)));
        for (Message known : h) {
            if (known.id().equals(message.id())) {
                if (known.equals(message)) {
                    return false;
                }
                throw new ChannelException(ChannelException.Reason.CONFLICT, "message " + message.id() + " is already stored with different content");
            }
        }
        String head = Seal.head(h);
        if (!java.util.Objects.equals(head, message.previousHash())) {
            throw new ChannelException(ChannelException.Reason.BROKEN_CHAIN, "message " + message.id() + " does not continue concern "
                    + message.concernId());
        }
        h.add(message);
        return true;
    }

    @Override
    public void appendInstead(Message winner, List<Message> setAside) {
        List<Message> h = histories.computeIfAbsent(winner.concernId(), id -> new ArrayList<>(real.history(id)));
        int first = h.size() - setAside.size();
        if (first < 0 || !h.subList(first, h.size()).equals(setAside)) {
            throw new ChannelException(ChannelException.Reason.BROKEN_CHAIN, "concern " + winner.concernId()
                    + " changed while " + winner.id() + " was being taken in");
        }
        h.subList(first, h.size()).clear();
        h.add(winner);
    }

    @Override
    public List<Superseded> superseded(String concernId) {
        return real.superseded(concernId);
    }

    @Override
    public List<String> concernIds() {
        return real.concernIds();
    }

    @Override
    public List<Delivery> due(Instant now, int perPartner) {
        return List.of();
    }

    @Override
    public void delivered(long deliveryId, Instant at) {
        throw new UnsupportedOperationException("a trial delivers nothing");
    }

    @Override
    public void failed(long deliveryId, Instant retryAt, String error, boolean permanent) {
        throw new UnsupportedOperationException("a trial delivers nothing");
    }

    @Override
    public boolean isDelivered(String messageId) {
        return realOutbox.isDelivered(messageId);
    }

    @Override
    public void served(String partner, java.util.Collection<String> messageIds, Instant at) {
        throw new UnsupportedOperationException("a trial serves nothing");
    }

    @Override
    public boolean reachedPartner(String messageId) {
        return realOutbox.reachedPartner(messageId);
    }

    @Override
    public List<Entry> entries(String concernId) {
        return realOutbox.entries(concernId);
    }
}
