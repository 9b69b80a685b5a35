package org.hotline.channel;

import java.util.Locale;

/** What one party asks of another when it files a concern. */
public enum ConcernKind {
    /** "Attacks against us come from your territory": for information and action. */
    ATTACK_NOTIFICATION,
    /** "Please investigate these sources and tell us what you find." */
    REQUEST_FOR_INVESTIGATION,
    /** "Please send us materials/information about ..." */
    REQUEST_FOR_INFORMATION,
    /** "Please have this infrastructure taken down." */
    TAKEDOWN_REQUEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConcernKind parse(String id) {
        for (ConcernKind k : values()) {
            if (k.id().equals(id) || k.name().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown concern kind '" + id + "'; known: attack-notification, "
                + "request-for-investigation, request-for-information, takedown-request");
    }
}
