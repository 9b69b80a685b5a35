package org.hotline.event;

import java.util.Locale;

/** Transport protocol of an event, as far as the log says. */
public enum Protocol {
    TCP, UDP, ICMP, OTHER, UNKNOWN;

    /** Maps the names logs use ("tcp", "TCP", "6", "icmpv6", ...) to a protocol; never null. */
    public static Protocol of(String name) {
        if (name == null || name.isEmpty()) {
            return UNKNOWN;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "tcp": case "6": return TCP;
            case "udp": case "17": return UDP;
            case "icmp": case "icmpv6": case "ipv6-icmp": case "1": case "58": return ICMP;
            default: return OTHER;
        }
    }
}
