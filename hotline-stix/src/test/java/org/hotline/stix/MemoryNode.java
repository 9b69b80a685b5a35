package org.hotline.stix;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Ed25519;
import org.hotline.channel.Message;
import org.hotline.channel.Party;
import org.hotline.channel.Seal;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.ConcernStore;
import org.hotline.channel.port.Outbox;

/**
 * One party's node held in memory: its real key, a real {@link ConcernDesk}, and the smallest
 * correct implementations of the store, outbox and channel registry ports (the JDBC store is another
 * module's; these keep the ports' contracts: atomic head check, duplicates as no-ops, draft replaced
 * by its sealed filing). The clock is set by the test so histories have fixed timestamps.
 */
public final class MemoryNode implements ConcernStore, Outbox, ChannelRegistry {
    public final Party party;
    public final Ed25519 key;
    public final ConcernDesk desk;
    private final MutableClock clock;
    private final Map<String, List<Message>> histories = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();
    private final List<Delivery> queue = new ArrayList<>();
    private final Set<String> delivered = new HashSet<>();
    private final List<Superseded> superseded = new ArrayList<>();

    public MemoryNode(Party party, Ed25519 key, MutableClock clock) {
        this.party = party;
        this.key = key;
        this.clock = clock;
        this.desk = new ConcernDesk(party, key, this, this, this, clock);
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public synchronized List<Message> history(String concernId) {
        return List.copyOf(histories.getOrDefault(concernId, List.of()));
    }

    @Override
    public synchronized void appendInstead(Message winner, List<Message> setAside) {
        List<Message> h = histories.get(winner.concernId());
        int first = h == null ? -1 : h.size() - setAside.size();
        if (first < 0 || !h.subList(first, h.size()).equals(setAside)) {
            throw new ChannelException(ChannelException.Reason.BROKEN_CHAIN, winner.id() + ": the steps to set aside are not the tail");
        }
        for (Message m : setAside) {
            superseded.add(new Superseded(m, winner.id(), clock.instant()));
            queue.stream().filter(d -> d.messageId().equals(m.id()) && !delivered.contains(m.id()))
                    .forEach(d -> failures.add(new Failure(d.id(), clock.instant(), "set aside", true)));
        }
        h.subList(first, h.size()).clear();
        h.add(winner);
    }

    @Override
    public synchronized List<Superseded> superseded(String concernId) {
        return superseded.stream().filter(s -> s.message().concernId().equals(concernId)).toList();
    }

    @Override
    public synchronized boolean append(Message message, String deliverTo) {
        List<Message> h = histories.computeIfAbsent(message.concernId(), k -> new ArrayList<>());
        for (Message known : h) {
            if (known.id().equals(message.id())) {
                if (known.equals(message)) {
                    return false;
                }
                if (!known.isSealed() && h.size() == 1) {
                    h.set(0, message);
                    queue(message, deliverTo);
                    return true;
                }
                throw new ChannelException(ChannelException.Reason.CONFLICT, message.id() + " is stored with other content");
            }
        }
        String head = h.isEmpty() || !h.get(h.size() - 1).isSealed() ? null : Seal.head(h);
        if (!java.util.Objects.equals(head, message.previousHash())) {
            throw new ChannelException(ChannelException.Reason.BROKEN_CHAIN, message.id() + " does not follow " + head);
        }
        h.add(message);
        queue(message, deliverTo);
        return true;
    }

    private void queue(Message m, String deliverTo) {
        if (deliverTo != null) {
            queue.add(new Delivery(queue.size() + 1, m.id(), m.concernId(), deliverTo, 0, clock.instant(), null));
        }
    }

    @Override
    public synchronized List<String> concernIds() {
        return List.copyOf(histories.keySet());
    }

    @Override
    public synchronized List<Delivery> due(Instant now, int perPartner) {
        Set<Long> stopped = new HashSet<>();
        failures.stream().filter(Failure::permanent).forEach(f -> stopped.add(f.deliveryId()));
        Map<String, Integer> taken = new HashMap<>();
        return queue.stream().filter(d -> !delivered.contains(d.messageId()) && !stopped.contains(d.id()))
                .filter(d -> taken.merge(d.partner(), 1, Integer::sum) <= perPartner)
                .map(d -> new Delivery(d.id(), d.messageId(), d.concernId(), d.partner(), attempts(d.id()), d.nextAttempt(), null))
                .toList();
    }

    private int attempts(long deliveryId) {
        return (int) failures.stream().filter(f -> f.deliveryId() == deliveryId).count();
    }

    @Override
    public synchronized void delivered(long deliveryId, Instant at) {
        queue.stream().filter(d -> d.id() == deliveryId).forEach(d -> delivered.add(d.messageId()));
    }

    /** A failed delivery attempt as the outbox recorded it. */
    public record Failure(long deliveryId, Instant retryAt, String error, boolean permanent) {}

    private final List<Failure> failures = new ArrayList<>();

    @Override
    public synchronized void failed(long deliveryId, Instant retryAt, String error, boolean permanent) {
        failures.add(new Failure(deliveryId, retryAt, error, permanent));
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public synchronized boolean isDelivered(String messageId) {
        return delivered.contains(messageId);
    }

    private final Set<String> served = new HashSet<>();

    @Override
    public synchronized void served(String partner, java.util.Collection<String> messageIds, Instant at) {
        served.addAll(messageIds);
    }

    @Override
    public synchronized boolean reachedPartner(String messageId) {
        return delivered.contains(messageId) || served.contains(messageId);
    }

    @Override
    public synchronized List<Entry> entries(String concernId) {
        Set<Long> stopped = new HashSet<>();
        failures.stream().filter(Failure::permanent).forEach(f -> stopped.add(f.deliveryId()));
        return queue.stream().filter(d -> d.concernId().equals(concernId))
                .map(d -> new Entry(new Delivery(d.id(), d.messageId(), d.concernId(), d.partner(), attempts(d.id()), d.nextAttempt(), null),
                        delivered.contains(d.messageId()) ? State.DELIVERED : stopped.contains(d.id()) ? State.FAILED : State.PENDING, null))
                .toList();
    }

    @Override
    public synchronized void save(Channel channel) {
        channels.put(channel.id(), channel);
    }

    @Override
    public synchronized Optional<Channel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    @Override
    public synchronized List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    /** A clock the test moves forward, so message timestamps are fixed and distinct. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
