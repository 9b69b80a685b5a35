package org.hotline.report;

import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryRow;

/**
 * The one sentence a reader will quote, written the way ATTRIBUTION-NOTES C5.21 asks: the share,
 * its unit and denominator, the other units beside it, and what was left out. Never "attacks by X".
 */
public final class Headline {
    private Headline() {}

    public static String of(AttacksSection a) {
        if (a.total().attacks() == 0) {
            return "No attack was detected, so there is no origin to report.";
        }
        String excluded = "Kept out of this share: " + Cells.count(a.anonymised().sources()) + " Tor exit, "
                + Cells.count(a.nonRoutable().sources()) + " non-routable, " + Cells.count(a.unverified().sources())
                + " unverified and " + Cells.count(a.reflected().sources()) + " reflected addresses.";
        if (a.origin().attacks() == 0 || a.byCountry().isEmpty()) {
            return "No attack came from a handshake-verified, routable, non-Tor source, so no share by country can be"
                    + " given (" + Cells.count(a.total().attacks()) + " attacks from " + Cells.count(a.total().sources())
                    + " addresses were detected). " + excluded;
        }
        CountryRow top = a.byCountry().get(0);
        String where = top.country() == null ? "in no country known to the databases" : "in " + top.country();
        return "Of " + Cells.count(a.origin().sources()) + " handshake-verified, routable, non-Tor attacking addresses, "
                + Cells.percent(top.sourcesPercent()) + " are located " + where + " ("
                + Cells.percent(top.eventsPercent()) + " of " + Cells.count(a.origin().events()) + " attack events"
                + (top.bytesPercent() == null ? "" : ", " + Cells.percent(top.bytesPercent()) + " of the bytes where known")
                + "; " + Cells.count(top.networks(), "network", "networks") + ", " + Cells.count(top.asns(), "ASN", "ASNs")
                + ", top-1 address "
                + Cells.percent(top.concentration()) + " of its events; confidence " + top.confidence() + "). "
                + excluded + " Located means where an address is registered or routed, not who the attacker is.";
    }
}
