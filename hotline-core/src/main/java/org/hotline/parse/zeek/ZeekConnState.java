package org.hotline.parse.zeek;

import java.util.Set;

/**
 * What Zeek's {@code conn_state} and {@code history} say about the TCP handshake, after the
 * definitions in Zeek's {@code base/protocols/conn/main.zeek}:
 * <pre>
 *   S0     Connection attempt seen, no reply.
 *   S1     Connection established, not terminated.
 *   SF     Normal establishment and termination.
 *   REJ    Connection attempt rejected.
 *   S2     Connection established and close attempt by originator seen (but no reply from responder).
 *   S3     Connection established and close attempt by responder seen (but no reply from originator).
 *   RSTO   Connection established, originator aborted (sent a RST).
 *   RSTR   Responder sent a RST.                       (after establishment; a refused SYN is REJ)
 *   RSTOS0 Originator sent a SYN followed by a RST, we never saw a SYN-ACK from the responder.
 *   RSTRH  Responder sent a SYN ACK followed by a RST, we never saw a SYN from the (purported) originator.
 *   SH     Originator sent a SYN followed by a FIN, we never saw a SYN ACK from the responder.
 *   SHR    Responder sent a SYN ACK followed by a FIN, we never saw a SYN from the originator.
 *   OTH    No SYN seen, just midstream traffic.
 * </pre>
 * and {@code history}: upper case for the originator, lower case for the responder; {@code s} a SYN,
 * {@code h} a SYN-ACK ("handshake"), {@code a} a pure ACK, {@code d} data, {@code f} FIN,
 * {@code r} RST, {@code ^} direction flipped.
 *
 * <p>A handshake is proven for TCP when the state is one of the established ones (S1, SF, S2, S3,
 * RSTO, RSTR) and, if a history is logged, it shows the originator's SYN, the responder's SYN-ACK
 * and then the originator's ACK or data ({@code S}, {@code h}, and {@code A} or {@code D}). A
 * half-open attempt (S0, REJ, SH, RSTOS0) or midstream traffic (OTH) proves nothing: the
 * originator may be spoofed.
 */
final class ZeekConnState {
    private static final Set<String> ESTABLISHED = Set.of("S1", "SF", "S2", "S3", "RSTO", "RSTR");

    private ZeekConnState() {}

    static boolean handshake(String proto, String state, String history) {
        if (!"tcp".equals(proto) || state == null || !ESTABLISHED.contains(state)) {
            return false;
        }
        if (history == null) {
            return true;
        }
        return history.indexOf('S') >= 0 && history.indexOf('h') >= 0
                && (history.indexOf('A') >= 0 || history.indexOf('D') >= 0);
    }
}
