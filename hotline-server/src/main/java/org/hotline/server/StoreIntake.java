package org.hotline.server;

import java.util.ArrayList;
import java.util.List;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.CollectionStore.NewObject;
import org.hotline.store.StixVersioning;
import tools.jackson.databind.JsonNode;

/**
 * A plain TAXII collection: stores any STIX object that has an id and a parseable version, as it was
 * sent, in one transaction per envelope. An object without an id or with a malformed timestamp
 * refuses the whole envelope (422), so a client never has to work out which half was stored. Used for
 * collections that are not a channel's inbox (and by the medallion conformance tests).
 */
public final class StoreIntake implements Intake {
    private final CollectionStore store;

    public StoreIntake(CollectionStore store) {
        this.store = store;
    }

    @Override
    public List<Outcome> add(CollectionInfo collection, Caller caller, JsonNode envelope) {
        List<NewObject> objects = new ArrayList<>();
        int index = 0;
        for (JsonNode o : envelope.get("objects")) {
            try {
                objects.add(StixVersioning.newObject(o, TaxiiJson.write(o)));
            } catch (IllegalArgumentException e) {
                throw new TaxiiException(422, "Unprocessable Content", "objects[" + index + "]: " + e.getMessage()
                        + "; nothing was stored");
            }
            index++;
        }
        List<CollectionStore.Added> added = store.add(collection.id(), objects);
        List<Outcome> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            NewObject o = objects.get(i);
            boolean already = added.get(i) == CollectionStore.Added.ALREADY_PRESENT;
            out.add(new Outcome(o.id(), o.version(), true, already ? "already present" : null));
        }
        return out;
    }
}
