package org.hotline.server.channel;

import java.time.Clock;
import java.util.List;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.channel.port.Outbox;
import org.hotline.server.Caller;
import org.hotline.server.CollectionInfo;
import org.hotline.server.Readout;
import org.hotline.taxii.TaxiiCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the outbox which of this node's messages a partner fetched from its channel's shared
 * collection: a partner that pulled a step has it, and must not be able to fork around it later
 * ({@link org.hotline.channel.ConcernDesk}'s fork rule reads {@link Outbox#reachedPartner}). Objects
 * that are not this node's queued messages (the partner's own, materials) match no outbox entry.
 */
public final class ChannelReadout implements Readout {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelReadout.class);

    private final ChannelRegistry channels;
    private final Outbox outbox;
    private final Clock clock;

    public ChannelReadout(ChannelRegistry channels, Outbox outbox, Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void served(CollectionInfo collection, Caller caller, List<String> objectIds) {
        boolean shared = channels.channels().stream().anyMatch(c -> c.partner().id().equals(caller.id())
                && TaxiiCollections.shared(c.id()).equals(collection.id()));
        if (!shared) {
            return;
        }
        try {
            outbox.served(caller.id(), objectIds, clock.instant());
        } catch (RuntimeException e) {
            // The page is out already; a fork around these steps is then judged as if unfetched.
            LOG.warn("could not record what {} fetched from {}: {}", caller.name(), collection.id(), e.toString());
        }
    }
}
