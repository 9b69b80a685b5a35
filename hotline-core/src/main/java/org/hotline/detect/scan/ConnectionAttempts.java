package org.hotline.detect.scan;

import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;

/**
 * Decides which flow events are probes a port scan is made of, after Zeek's
 * {@code policy/misc/scan.zeek}, which counts only failed connection attempts.
 *
 * <ul>
 *   <li>Firewall records ({@link Outcome#BLOCKED}, {@link Outcome#ALLOWED}): every one, since a rule
 *       set logs new connections and a dropped one is the typical answer to a scanner; except TCP
 *       packets with ACK or RST set, which answer a connection rather than open one. An unsolicited
 *       SYN-ACK or RST-ACK is backscatter: the reply of a host whose SYN came with our address forged
 *       (a SYN flood elsewhere, or SYN-ACK reflection aimed at us), so its sender is a reflector, not
 *       a scanner. A probe without flags, or with FIN, PSH, URG alone (stealth scans) counts.</li>
 *   <li>Connection records ({@link Outcome#CONNECTION}): only those whose state says the connection
 *       never got going: Zeek {@code conn_state} S0 (no answer), REJ (refused), RSTOS0, RSTRH, SH,
 *       SHR (reset or closed before a handshake), and Suricata's TCP state "syn_sent" or flow state
 *       "new" (no reply seen). A honeypot's connect record is contact, not a probe of a port. An
 *       established connection is not a probe: an FTP client opening passive data connections to
 *       many ports would otherwise look like a scanner. A record without a state (a format that has
 *       none) counts, since it is all there is to go on.</li>
 * </ul>
 * Only TCP and UDP (and other port-carrying protocols) with a known destination port count; ICMP
 * has no ports.
 */
final class ConnectionAttempts {
    private ConnectionAttempts() {}

    static boolean isProbe(Event e) {
        if (e.source() == null || e.destinationPort() < 0 || e.protocol() == Protocol.ICMP) {
            return false;
        }
        switch (e.outcome()) {
            case BLOCKED:
            case ALLOWED:
                return !answersConnection(e);
            case CONNECTION:
                if (e.detail() == null) {
                    return true;
                }
                EventDetail.Connection c = e.detail(EventDetail.Connection.class);
                return c != null && (c.state() == null || failedState(c.state()));
            default:
                return false;
        }
    }

    private static boolean answersConnection(Event e) {
        if (e.protocol() != Protocol.TCP) {
            return false;
        }
        EventDetail.FirewallPacket p = e.detail(EventDetail.FirewallPacket.class);
        String flags = p == null ? null : p.tcpFlags();
        return flags != null && (flags.contains("ACK") || flags.contains("RST"));
    }

    private static boolean failedState(String state) {
        switch (state) {
            case "S0": case "REJ": case "RSTOS0": case "RSTRH": case "SH": case "SHR": case "new": case "syn_sent":
                return true;
            default:
                return false;
        }
    }
}
