package org.hotline.event;

/**
 * The few format-specific fields an {@link Event} carries beyond the common ones. Each record is
 * what detectors need from one family of formats, nothing more: the raw line stays in the file,
 * and the event's {@link InputPosition} points at it.
 */
public sealed interface EventDetail {

    /**
     * One HTTP request. {@code target} is the request target exactly as logged (path and query,
     * still percent-encoded); {@code status} is -1 when unknown; any string may be null.
     */
    record HttpRequest(String method, String target, int status, String userAgent, String host)
            implements EventDetail {}

    /**
     * One authentication step. {@code user} as the client sent it (may be null),
     * {@code invalidUser} when the server says the account does not exist, {@code method} e.g.
     * "password", "publickey", "keyboard-interactive" (may be null).
     */
    record Authentication(String user, boolean invalidUser, String method) implements EventDetail {}

    /**
     * An IDS alert. {@code severity} is the engine's own scale (Suricata: 1 = high ... 3 = low);
     * {@code action} "allowed" or "blocked" when the engine says so; strings may be null.
     */
    record IdsAlert(long signatureId, String signature, String category, int severity, String action)
            implements EventDetail {}

    /**
     * A firewall log record: the log prefix the rule set chose (e.g. "[UFW BLOCK]"), the interface
     * it came in on, and TCP flags as logged ("SYN", "ACK PSH"), each possibly null.
     */
    record FirewallPacket(String prefix, String inInterface, String tcpFlags) implements EventDetail {}

    /**
     * A connection record: the sensor's state code (Zeek {@code conn_state} such as "S0", "SF", "REJ";
     * Suricata flow state), duration in milliseconds (-1 unknown) and packets from the source (-1 unknown).
     */
    record Connection(String state, long durationMillis, long sourcePackets) implements EventDetail {}

    /**
     * A honeypot interaction: the honeypot's event id (Cowrie "cowrie.login.failed"), the session,
     * and the credentials or command the intruder sent (null when not part of this event).
     */
    record HoneypotAction(String eventId, String session, String user, String password, String command)
            implements EventDetail {}
}
