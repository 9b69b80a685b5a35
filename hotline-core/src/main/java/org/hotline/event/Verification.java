package org.hotline.event;

/**
 * How much an event's source address proves about where the traffic came from (ATTRIBUTION-NOTES
 * C1): only a source that completed a TCP handshake is known to have received our packets, so
 * only those are counted as origin. Everything else is reported in its own table.
 */
public enum Verification {
    /** The source completed a handshake (application-layer log, established connection). */
    HANDSHAKE,
    /** A packet or half-open connection: the source address could have been forged. */
    UNVERIFIED,
    /**
     * UDP from a port of a protocol known to amplify (DNS, NTP, SSDP, memcached, CLDAP, chargen,
     * SNMP, WS-Discovery...): the sender is most likely an abused reflector, itself a victim.
     */
    REFLECTED;

    /** UDP source ports of amplification-prone services (Rossow, "Amplification Hell", NDSS 2014; US-CERT TA14-017A). */
    private static final int[] AMPLIFIER_PORTS = {
        17, 19, 53, 69, 111, 123, 137, 161, 389, 427, 500, 520, 1194, 1434, 1900, 3283, 3389, 3702,
        5060, 5353, 5683, 10001, 11211, 27015, 33848, 37810
    };

    public static boolean isAmplifierPort(int udpSourcePort) {
        for (int p : AMPLIFIER_PORTS) {
            if (p == udpSourcePort) {
                return true;
            }
        }
        return false;
    }

    public static Verification of(Event e) {
        if (e.handshake()) {
            return HANDSHAKE;
        }
        if (e.protocol() == Protocol.UDP && isAmplifierPort(e.sourcePort())) {
            return REFLECTED;
        }
        return UNVERIFIED;
    }

    /** The strongest of two: a source that completed one handshake is verified. */
    public Verification strongest(Verification other) {
        if (this == HANDSHAKE || other == HANDSHAKE) {
            return HANDSHAKE;
        }
        return this == UNVERIFIED || other == UNVERIFIED ? UNVERIFIED : REFLECTED;
    }
}
