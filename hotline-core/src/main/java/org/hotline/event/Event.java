package org.hotline.event;

/**
 * One observation from one log line (or one JSON object): who talked to whom, when, how, and
 * what came of it. Parsers make them; detectors, the aggregator and {@code --events-out} read them.
 *
 * <p>Unknown numbers are -1 ({@link #NO_TIME} for time), unknown references are null. Addresses are
 * numbers ({@link IpAddress}), never strings, so the hot path neither allocates nor re-parses them.
 *
 * @param time        epoch milliseconds UTC, or {@link #NO_TIME} when the line carries no usable time
 * @param source      the remote party the event is about (client, attacker, packet source); null if the line has none
 * @param sourcePort  -1 when unknown
 * @param destination the local side (server, sensor, target) or null
 * @param destinationPort -1 when unknown
 * @param protocol    never null ({@link Protocol#UNKNOWN})
 * @param service     lower-case application protocol ("http", "ssh", "telnet", "dns"...), or null
 * @param outcome     never null
 * @param bytes       bytes attributed to the event (response size, flow bytes, packet length), -1 unknown
 * @param handshake   true when the source provably completed a TCP handshake (an HTTP request, an SSH
 *                    authentication, a Zeek connection that got past SYN): only such sources count
 *                    towards the origin share, because a spoofed source address cannot complete one
 * @param position    file and line this event came from; never null
 * @param detail      format-specific fields, or null
 */
public record Event(
        long time,
        IpAddress source,
        int sourcePort,
        IpAddress destination,
        int destinationPort,
        Protocol protocol,
        String service,
        Outcome outcome,
        long bytes,
        boolean handshake,
        InputPosition position,
        EventDetail detail) {

    public static final long NO_TIME = Long.MIN_VALUE;

    public Event {
        if (protocol == null) {
            throw new IllegalArgumentException("protocol == null (use Protocol.UNKNOWN)");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome == null");
        }
        if (position == null) {
            throw new IllegalArgumentException("position == null");
        }
        if (sourcePort < -1 || sourcePort > 65535 || destinationPort < -1 || destinationPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + sourcePort + " -> " + destinationPort);
        }
    }

    public boolean hasTime() {
        return time != NO_TIME;
    }

    /** How far this event's source address can be trusted; see {@link Verification}. */
    public Verification verification() {
        return Verification.of(this);
    }

    /** The detail if it is of the given kind, else null: {@code e.detail(HttpRequest.class)}. */
    public <T extends EventDetail> T detail(Class<T> kind) {
        return kind.isInstance(detail) ? kind.cast(detail) : null;
    }
}
