package org.hotline.server.channel;

import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.Channel;
import org.hotline.channel.Message;
import org.hotline.channel.port.CollectionStore;
import org.hotline.stix.StixJson;
import org.hotline.stix.mapping.ConcernExport;
import org.hotline.store.StixVersioning;
import org.hotline.taxii.TaxiiCollections;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes a concern's whole history, rendered as STIX, to its channel's shared collection, for the
 * partner to read ({@code hotline sync}). Called after every message appended or received. Objects
 * already there (same id and version) are not added again, so publishing a history again only adds
 * what is new; the partner's {@code added_after} cursor then finds exactly the new objects.
 */
public final class SharedCollection {
    private final CollectionStore store;

    public SharedCollection(CollectionStore store) {
        this.store = store;
    }

    /** @return how many objects were new */
    public int publish(Channel channel, List<Message> history) {
        if (history.isEmpty() || !history.get(0).isSealed()) {
            return 0;   // a draft is nobody's business but its author's
        }
        List<CollectionStore.NewObject> objects = new ArrayList<>();
        for (ObjectNode o : ConcernExport.objects(history, List.of(channel.local(), channel.partner()))) {
            objects.add(StixVersioning.newObject(o, StixJson.write(o)));
        }
        return (int) store.add(TaxiiCollections.shared(channel.id()), objects).stream()
                .filter(a -> a == CollectionStore.Added.ADDED).count();
    }
}
