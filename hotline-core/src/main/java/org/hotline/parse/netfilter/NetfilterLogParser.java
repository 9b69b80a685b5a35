package org.hotline.parse.netfilter;

import java.util.HashMap;
import java.util.Map;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.FirewallPacket;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.Ascii;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.RecentStrings;
import org.hotline.parse.syslog.SyslogHeader;
import org.hotline.source.RawLine;

/**
 * Kernel packet-log lines from iptables {@code LOG}, nftables {@code log} and UFW, as they reach
 * syslog files ({@code kern.log}, {@code ufw.log}, {@code messages}). A real line (dunneja/py-fw-log)
 * and what it becomes:
 * <pre>
 * Dec 11 00:05:07 ixion kernel: [2687005.355645] IPTABLES:BLOCKED-CONN: IN=eth0 OUT= MAC=00:0d:...:08:00 SRC=40.119.104.0 DST=10.0.0.4 LEN=72 TOS=0x00 PREC=0x00 TTL=114 ID=0 DF PROTO=TCP SPT=23456 DPT=22911 WINDOW=17280 RES=0x00 ACK SYN URGP=0
 *   source 40.119.104.0:23456 → 10.0.0.4:22911, TCP, BLOCKED (from the prefix), bytes 72 (LEN),
 *   FirewallPacket("IPTABLES:BLOCKED-CONN:", "eth0", "ACK SYN")
 * </pre>
 * The prefix is whatever the rule set logged before {@code IN=} (after the kernel's uptime stamp);
 * {@link FirewallVerdict} turns it into BLOCKED, ALLOWED or OTHER. The source is the packet's
 * {@code SRC}: for a packet logged on the way out ({@code IN=} empty) that is the local host, and
 * the event's FirewallPacket has a null interface to show it.
 *
 * <p>{@code handshake} is always false: a logged packet, even a SYN-ACK or an ACK, proves nothing
 * about its source address (ATTRIBUTION-NOTES C1), and a dropped SYN never completes a handshake.
 * Other kernel lines are ignored; a kernel line with {@code IN=} but no usable {@code SRC=} or
 * {@code DST=} is malformed.
 */
public final class NetfilterLogParser implements Parser {
    private static final String[] TCP_FLAGS = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};

    private final String inputName;
    private final SyslogHeader header;
    private final RecentStrings strings = new RecentStrings(64);
    private final Map<String, Outcome> verdicts = new HashMap<>();
    /** The TCP flags of the current line, "ACK SYN" style; at most 8 flags of 3 letters plus spaces. */
    private final byte[] flags = new byte[32];
    private int flagsLength;

    public NetfilterLogParser(FileContext context) {
        this.inputName = context.name();
        this.header = new SyslogHeader(context);
    }

    @Override
    public String format() {
        return "netfilter";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        byte[] b = raw.bytes();
        int from = raw.offset();
        int to = raw.end();
        if (!header.read(b, from, to)) {
            sink.malformed(header.error);
            return;
        }
        if (header.yearless) {
            sink.yearInferred();
        }
        int at = header.messageFrom;
        int in = Ascii.regionMatches(b, at, to, "IN=") ? at : Ascii.indexOf(b, " IN=", at, to) + 1;
        if (!header.programIs(b, "kernel") || in <= 0) {
            boolean sshd = header.programIs(b, "sshd") || header.programIs(b, "sshd-session") || header.programIs(b, "sshd-auth");
            if (sshd) {
                sink.leftAside("sshd");
            } else {
                sink.ignored();
            }
            return;
        }
        String prefix = prefix(b, at, in);
        Packet p = fields(b, from, in, to);
        if (p.error != null) {
            sink.malformed(p.error);
            return;
        }
        Outcome outcome = verdicts.computeIfAbsent(prefix == null ? "" : prefix, FirewallVerdict::of);
        sink.event(new Event(header.time, p.src, p.srcPort, p.dst, p.dstPort, p.protocol, null, outcome, p.length,
                false, new InputPosition(inputName, raw.number()),
                new FirewallPacket(prefix, p.inInterface, p.flags)));
    }

    /** The rule set's prefix: the text before IN=, after an optional "[ 1234.567890]" uptime stamp. */
    private String prefix(byte[] b, int at, int in) {
        int i = at;
        if (i < in && b[i] == '[') {
            int close = Ascii.indexOf(b, (byte) ']', i, in);
            if (close > 0 && isUptime(b, i + 1, close)) {
                i = close + 1;
            }
        }
        int end = in;
        while (i < end && b[i] == ' ') {
            i++;
        }
        while (end > i && b[end - 1] == ' ') {
            end--;
        }
        return end > i ? strings.get(b, i, end) : null;
    }

    private static boolean isUptime(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Ascii.isDigit(b[i]) && b[i] != '.' && b[i] != ' ') {
                return false;
            }
        }
        return to > from;
    }

    /** Walks the space-separated KEY=value fields and bare TCP flags from IN= to the end. */
    private Packet fields(byte[] b, int lineFrom, int at, int to) {
        Packet p = new Packet();
        flagsLength = 0;
        int i = at;
        while (i < to) {
            int end = Ascii.indexOf(b, (byte) ' ', i, to);
            if (end < 0) {
                end = to;
            }
            int eq = Ascii.indexOf(b, (byte) '=', i, end);
            if (eq < 0) {
                flag(b, i, end);
            } else {
                field(p, b, lineFrom, i, eq, end);
                if (p.error != null) {
                    return p;
                }
            }
            i = end + 1;
        }
        if (p.src == null || p.dst == null) {
            p.error = p.src == null ? "no SRC= address" : "no DST= address";
        }
        p.flags = flagsLength == 0 ? null : strings.get(flags, 0, flagsLength);
        return p;
    }

    private void field(Packet p, byte[] b, int lineFrom, int keyFrom, int eq, int end) {
        int v = eq + 1;
        int key = eq - keyFrom;
        if (key == 3 && Ascii.regionMatches(b, keyFrom, eq, "SRC")) {
            p.src = IpAddress.parseOrNull(b, v, end);
            if (p.src == null) {
                p.error = "bad SRC= address at column " + (v - lineFrom + 1);
            }
        } else if (key == 3 && Ascii.regionMatches(b, keyFrom, eq, "DST")) {
            p.dst = IpAddress.parseOrNull(b, v, end);
            if (p.dst == null) {
                p.error = "bad DST= address at column " + (v - lineFrom + 1);
            }
        } else if (key == 3 && Ascii.regionMatches(b, keyFrom, eq, "SPT")) {
            p.srcPort = Ascii.parsePort(b, v, end);
        } else if (key == 3 && Ascii.regionMatches(b, keyFrom, eq, "DPT")) {
            p.dstPort = Ascii.parsePort(b, v, end);
        } else if (key == 3 && Ascii.regionMatches(b, keyFrom, eq, "LEN") && p.length < 0) {
            // The first LEN is the IP packet's; UDP lines repeat LEN= for the UDP length.
            long len = Ascii.parseUnsigned(b, v, end);
            p.length = len < 0 ? -1 : len;
        } else if (key == 5 && Ascii.regionMatches(b, keyFrom, eq, "PROTO")) {
            p.protocol = protocol(b, v, end);
        } else if (key == 2 && Ascii.regionMatches(b, keyFrom, eq, "IN")) {
            p.inInterface = end > v ? strings.get(b, v, end) : null;
        }
    }

    private void flag(byte[] b, int from, int to) {
        if (to - from != 3 || flagsLength > flags.length - 4) {
            return;
        }
        for (String f : TCP_FLAGS) {
            if (Ascii.regionMatches(b, from, to, f)) {
                if (flagsLength > 0) {
                    flags[flagsLength++] = ' ';
                }
                System.arraycopy(b, from, flags, flagsLength, 3);
                flagsLength += 3;
                return;
            }
        }
    }

    private static Protocol protocol(byte[] b, int from, int to) {
        if (Ascii.equals(b, from, to, "TCP")) {
            return Protocol.TCP;
        }
        if (Ascii.equals(b, from, to, "UDP")) {
            return Protocol.UDP;
        }
        return Protocol.of(Ascii.string(b, from, to));
    }

    /** The fields of one logged packet. */
    private static final class Packet {
        IpAddress src;
        IpAddress dst;
        int srcPort = -1;
        int dstPort = -1;
        long length = -1;
        Protocol protocol = Protocol.UNKNOWN;
        String inInterface;
        String flags;
        String error;
    }
}
