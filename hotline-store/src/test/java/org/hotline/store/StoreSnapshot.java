package org.hotline.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Message;
import org.hotline.channel.port.Outbox;

/**
 * Everything a node's stores show through their ports: every concern's history and every pending
 * outbox entry. Two equal snapshots mean a refused action stored nothing.
 */
record StoreSnapshot(Map<String, List<Message>> histories, List<Outbox.Delivery> pending) {

    static StoreSnapshot of(NodeDatabase db) {
        Map<String, List<Message>> histories = new LinkedHashMap<>();
        for (String id : db.concerns().concernIds()) {
            histories.put(id, db.concerns().history(id));
        }
        return new StoreSnapshot(histories, db.outbox().due(Instant.parse("9999-01-01T00:00:00Z"), 10_000));
    }
}
