package org.hotline.parse.cowrie;

import org.hotline.event.Outcome;
import org.hotline.parse.json.JsonRecord;

/**
 * The Cowrie event ids that are intruder actions, and the outcome each becomes:
 * <ul>
 *   <li>{@code cowrie.session.connect} → CONNECTION (with the sensor address and port);</li>
 *   <li>{@code cowrie.login.failed}, {@code cowrie.client.fingerprint} (a rejected public key) →
 *       AUTH_FAILURE; {@code cowrie.login.success} → AUTH_SUCCESS, still hostile on a honeypot;</li>
 *   <li>{@code cowrie.command.input}, {@code cowrie.command.failed} → COMMAND, the command line
 *       in HoneypotAction.command;</li>
 *   <li>{@code cowrie.direct-tcpip.request} (the intruder asks to tunnel through the honeypot) →
 *       OTHER, with "direct-tcpip host:port" as the command, since that third host is neither
 *       side of the event; {@code cowrie.session.file_download} and {@code file_upload} → OTHER
 *       with the URL or file name.</li>
 * </ul>
 * Everything else ({@code client.version}, {@code client.kex}, {@code client.size},
 * {@code client.var}, {@code log.open}/{@code closed}, {@code session.closed},
 * {@code session.params}, {@code direct-tcpip.data}...) describes an action already counted.
 */
enum CowrieEventId {
    CONNECT(Outcome.CONNECTION),
    LOGIN_FAILED(Outcome.AUTH_FAILURE),
    LOGIN_SUCCESS(Outcome.AUTH_SUCCESS),
    COMMAND(Outcome.COMMAND),
    TUNNEL(Outcome.OTHER),
    FILE(Outcome.OTHER);

    final Outcome outcome;

    CowrieEventId(Outcome outcome) {
        this.outcome = outcome;
    }

    static CowrieEventId of(String eventId) {
        switch (eventId) {
            case "cowrie.session.connect": return CONNECT;
            case "cowrie.login.failed": case "cowrie.client.fingerprint": return LOGIN_FAILED;
            case "cowrie.login.success": return LOGIN_SUCCESS;
            case "cowrie.command.input": case "cowrie.command.failed": return COMMAND;
            case "cowrie.direct-tcpip.request": return TUNNEL;
            case "cowrie.session.file_download": case "cowrie.session.file_upload": return FILE;
            default: return null;
        }
    }

    /** What the intruder asked for, for HoneypotAction.command; null when the event has none. */
    String command(JsonRecord r) {
        switch (this) {
            case COMMAND:
                return r.text("input");
            case TUNNEL:
                String host = r.text("dst_ip");
                long port = r.integer("dst_port", -1);
                return host == null ? null : "direct-tcpip " + host + (port >= 0 ? ":" + port : "");
            case FILE:
                String url = r.text("url");
                return url != null ? url : r.text("filename");
            default:
                return null;
        }
    }
}
