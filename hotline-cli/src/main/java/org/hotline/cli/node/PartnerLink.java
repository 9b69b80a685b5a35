package org.hotline.cli.node;

import org.hotline.server.auth.PartnerAccess;

/**
 * What a node keeps about one partner beyond the channel itself: the partner's card (key, URL, TLS
 * certificate to pin), the password this node sends to the partner's server (it must be kept in
 * plain to be sent), and the PBKDF2 hash of the password the partner sends here.
 */
public record PartnerLink(PartyCard card, String outboundPassword, String inboundPasswordHash) {

    /** How the partner logs in here: Basic as its party id, or its pinned certificate. */
    public PartnerAccess access() {
        return new PartnerAccess(card.party().id(), card.party().name(), card.party().id(), inboundPasswordHash,
                card.certificateSha256());
    }
}
