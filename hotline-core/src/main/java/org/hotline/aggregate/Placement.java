package org.hotline.aggregate;

import org.hotline.detect.Attack;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.Verification;

/**
 * The one table of {@link AttacksSection} an attack is counted in. The order of the tests is the
 * method: first what the address can prove (a forged address has no meaningful location at all),
 * then what it is (private space has no country; a Tor exit hides the origin), and only what is
 * left is an origin.
 */
enum Placement {
    ORIGIN("origin"),
    ANONYMISED("anonymised"),
    NON_ROUTABLE("nonRoutable"),
    UNVERIFIED("unverified"),
    REFLECTED("reflected");

    /** The name of the table in the JSON document. */
    final String table;

    Placement(String table) {
        this.table = table;
    }

    static Placement of(Verification verification, Origin origin) {
        if (verification == Verification.REFLECTED) {
            return REFLECTED;
        }
        if (verification == Verification.UNVERIFIED) {
            return UNVERIFIED;
        }
        if (origin.has(OriginFlag.NON_ROUTABLE)) {
            return NON_ROUTABLE;
        }
        if (origin.has(OriginFlag.TOR_EXIT)) {
            return ANONYMISED;
        }
        return ORIGIN;
    }

    static Placement of(Attack attack, Origin origin) {
        return of(attack.verification(), origin);
    }
}
