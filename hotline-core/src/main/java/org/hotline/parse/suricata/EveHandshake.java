package org.hotline.parse.suricata;

import org.hotline.event.Protocol;
import org.hotline.parse.json.JsonRecord;

/**
 * Decides whether an EVE record proves that its source completed a TCP handshake, the condition for
 * counting the source as an origin (ATTRIBUTION-NOTES C1).
 *
 * <p>Proven when the flow is TCP and either
 * <ul>
 *   <li>Suricata parsed an application protocol on it: an {@code http}, {@code tls}, {@code ssh},
 *       {@code smtp}... record, or any record whose {@code app_proto} names a protocol (not
 *       {@code failed}): app-layer parsing needs an established stream with data from the client; or</li>
 *   <li>the {@code tcp} section shows it: the state reached {@code established} or a state that
 *       only follows it, or both sides sent SYN and ACK ({@code tcp_flags_ts} and
 *       {@code tcp_flags_tc} both holding 0x12).</li>
 * </ul>
 * Not proven for UDP and ICMP (no handshake exists), for {@code anomaly} records, for SYN-only
 * scans and for flows that a RST ended before the client's ACK. An alert on a bare packet with
 * no app-layer protocol is therefore unverified, however bad its signature.
 */
final class EveHandshake {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    private EveHandshake() {}

    static boolean proven(EveEventType kind, Protocol protocol, String appProto, JsonRecord r) {
        if (protocol != Protocol.TCP || kind == EveEventType.ANOMALY) {
            return false;
        }
        if (kind == EveEventType.HTTP || kind == EveEventType.SESSION || kind == EveEventType.APPLICATION
                || kind == EveEventType.DNS) {
            return true;
        }
        if (appProto != null && !appProto.isEmpty() && !appProto.equals("failed") && !appProto.equals("unknown")) {
            return true;
        }
        String state = r.text("tcp", "state");
        if (state != null) {
            switch (state) {
                case "established": case "fin_wait1": case "fin_wait2": case "closing":
                case "time_wait": case "close_wait": case "last_ack":
                    return true;
                default:
                    break;
            }
        }
        int toServer = flags(r.text("tcp", "tcp_flags_ts"));
        int toClient = flags(r.text("tcp", "tcp_flags_tc"));
        return (toServer & (SYN | ACK)) == (SYN | ACK) && (toClient & (SYN | ACK)) == (SYN | ACK);
    }

    private static int flags(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 4) {
            return 0;
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
