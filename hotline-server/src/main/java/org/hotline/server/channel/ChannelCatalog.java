package org.hotline.server.channel;

import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.port.ChannelRegistry;
import org.hotline.server.Caller;
import org.hotline.server.Catalog;
import org.hotline.server.CollectionInfo;
import org.hotline.taxii.TaxiiCollections;

/**
 * A node's TAXII collections: per channel, an inbox the partner may write to but not read, and a
 * shared collection the partner may read but not write (ids from {@link TaxiiCollections}, which both
 * nodes derive alike). A caller sees only the two collections of its own channel; those of every
 * other channel do not exist for it (404).
 */
public final class ChannelCatalog implements Catalog {
    private final ChannelRegistry channels;

    public ChannelCatalog(ChannelRegistry channels) {
        this.channels = channels;
    }

    @Override
    public List<CollectionInfo> visibleTo(Caller caller) {
        return channels.channels().stream().filter(c -> c.partner().id().equals(caller.id()))
                .flatMap(c -> List.of(inbox(c), shared(c)).stream()).toList();
    }

    static CollectionInfo inbox(Channel c) {
        return new CollectionInfo(TaxiiCollections.inbox(c.id()), "Inbox from " + c.partner().name(),
                "Concern histories " + c.partner().name() + " sends to " + c.local().name() + " (write only)", "inbox",
                false, true);
    }

    static CollectionInfo shared(Channel c) {
        return new CollectionInfo(TaxiiCollections.shared(c.id()), "Shared with " + c.partner().name(),
                "Every concern of the channel between " + c.local().name() + " and " + c.partner().name()
                        + ", both sides' messages, as STIX 2.1 (read only)", "shared", true, false);
    }
}
