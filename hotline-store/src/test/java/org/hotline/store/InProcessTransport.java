package org.hotline.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.channel.Channel;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ConcernDesk;
import org.hotline.channel.Message;
import org.hotline.channel.port.Transport;

/**
 * A real {@link Transport} between nodes in one JVM, not a mock: it hands each message of the history
 * to the partner node's own {@link ConcernDesk#receive}, which checks and stores it in the partner's
 * own database, exactly as the TAXII server will on an inbox POST. It returns only after the partner
 * stored everything, as the port requires. What it leaves out is the network: instead, a partner can
 * be taken {@linkplain #down down}, and then every delivery fails as its node being unavailable
 * (retryable, {@link DeliveryException#partnerUnavailable}), as a refused connection or an HTTP 503 would.
 *
 * <p>Refusals map as a TAXII client would map them: the partner not knowing the channel (yet) is
 * worth retrying; any other refusal (bad signature, conflict, terms, lifecycle) is permanent.
 */
final class InProcessTransport implements Transport {
    private final Map<String, ConcernDesk> nodes = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();

    void connect(ConcernDesk partnerDesk) {
        nodes.put(partnerDesk.self().id(), partnerDesk);
    }

    void down(String partyId) {
        down.add(partyId);
    }

    void up(String partyId) {
        down.remove(partyId);
    }

    /** Deliveries attempted so far, failed ones included. */
    int attempts() {
        return attempts.get();
    }

    @Override
    public void deliver(Channel channel, List<Message> history) {
        int attempt = attempts.incrementAndGet();
        String partner = channel.partner().name();
        ConcernDesk desk = nodes.get(channel.partner().id());
        if (desk == null || down.contains(channel.partner().id())) {
            throw DeliveryException.partnerUnavailable(partner + " is unreachable (in-process delivery " + attempt + ")", null);
        }
        for (Message m : history) {
            try {
                desk.receive(m);
            } catch (ChannelException e) {
                boolean permanent = e.reason() != ChannelException.Reason.NOT_FOUND;
                throw new DeliveryException(partner + " refused " + m.kind().id() + " " + m.id() + " (" + e.reason() + "): "
                        + e.getMessage(), permanent, e);
            }
        }
    }
}
