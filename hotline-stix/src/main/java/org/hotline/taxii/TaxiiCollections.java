package org.hotline.taxii;

import java.util.UUID;
import org.hotline.channel.Ids;

/**
 * The ids of the two TAXII collections every node keeps per channel, derived from the channel id so
 * that both nodes (which derive the same channel id from the two party ids) know them without
 * asking. On a node's API root:
 * <ul>
 *   <li>{@link #inbox}: where the partner writes (POST) the concern histories it sends this node;</li>
 *   <li>{@link #shared}: where this node publishes what it shares with the partner, for the partner
 *       to read (GET, {@code hotline sync}).</li>
 * </ul>
 * The same ids on the two nodes name different collections (each node's own), which is the point:
 * the client never needs discovery to find where to deliver.
 *
 * <p>Hazard: a published contract between nodes; changing a derivation strands every partner.
 */
public final class TaxiiCollections {
    private static final UUID NAMESPACE = UUID.fromString("e96ca64f-5971-4dab-8090-46807ef2e131");

    private TaxiiCollections() {}

    public static String inbox(String channelId) {
        return Ids.uuid5(NAMESPACE, "inbox|" + Ids.require(channelId, "channel")).toString();
    }

    public static String shared(String channelId) {
        return Ids.uuid5(NAMESPACE, "shared|" + Ids.require(channelId, "channel")).toString();
    }
}
