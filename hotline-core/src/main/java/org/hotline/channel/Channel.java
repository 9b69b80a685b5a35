package org.hotline.channel;

import java.time.Instant;

/**
 * The agreement between this node's party and one partner, seen from this node.
 *
 * <p>Its id is derived from the two party ids (see {@link #idFor}), so both nodes name the same
 * channel the same way without exchanging anything but their identities.
 */
public record Channel(String id, Party local, Party partner, ChannelTerms terms, Instant created) {
    public Channel {
        Ids.require(id, "channel");
        if (local.id().equals(partner.id())) {
            throw new IllegalArgumentException("a channel joins two different parties");
        }
        if (!id.equals(idFor(local.id(), partner.id()))) {
            throw new IllegalArgumentException("channel id " + id + " does not belong to " + local.name() + " and " + partner.name());
        }
    }

    public static String idFor(String partyA, String partyB) {
        String first = partyA.compareTo(partyB) <= 0 ? partyA : partyB;
        String second = first.equals(partyA) ? partyB : partyA;
        return Ids.derived("channel", first + "|" + second);
    }

    public boolean joins(String partyId) {
        return local.id().equals(partyId) || partner.id().equals(partyId);
    }

    /** The name of one of the channel's two parties, given its id (reports name parties, histories hold ids). */
    public String nameOf(String partyId) {
        if (!joins(partyId)) {
            throw new IllegalArgumentException(partyId + " is not a party of channel " + id);
        }
        return local.id().equals(partyId) ? local.name() : partner.name();
    }
}
