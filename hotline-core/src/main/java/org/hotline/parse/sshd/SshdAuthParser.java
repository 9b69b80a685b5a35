package org.hotline.parse.sshd;

import org.hotline.event.Event;
import org.hotline.event.EventDetail.Authentication;
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
 * OpenSSH server lines in syslog files ({@code /var/log/auth.log}, {@code /var/log/secure},
 * {@code /var/log/messages}), in BSD, ISO-8601 or RFC 5424 syslog form. A real line
 * (elastic/beats {@code secure-rhel7.log}) and what it becomes:
 * <pre>
 * Feb 22 16:45:20 slave22 sshd[2738]: Failed password for root from 202.109.143.106 port 1786 ssh2
 *   source 202.109.143.106:1786, AUTH_FAILURE, service ssh, Authentication(root, false, password),
 *   time Feb 22 16:45:20 in the input's zone, year from --year or the file's mtime
 * </pre>
 * Programs {@code sshd}, {@code sshd-session} and {@code sshd-auth} (OpenSSH 9.8+ split the
 * daemon) are read; the old {@code sshd(pam_unix)[pid]: authentication failure; ... rhost=...}
 * form is read too, and there {@code rhost} may be a host name (then the source is null: still an
 * event, but one that cannot be attributed). Lines of other programs (CRON, sudo, systemd,
 * kernel) are ignored; lines that are not syslog at all are malformed. Which sshd messages become
 * events, and why one attempt gives one event, is in {@link SshdMessage}.
 *
 * <p>Every event has {@code handshake = true}: sshd writes these lines only for a connection it
 * accepted, i.e. after the client completed the TCP handshake.
 */
public final class SshdAuthParser implements Parser {
    private final String inputName;
    private final SyslogHeader header;
    private final SshdMessage message = new SshdMessage();
    private final RecentStrings users = new RecentStrings(64);

    public SshdAuthParser(FileContext context) {
        this.inputName = context.name();
        this.header = new SyslogHeader(context);
    }

    @Override
    public String format() {
        return "sshd";
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
        if (header.programIs(b, "sshd(pam_unix)")) {
            pamLine(raw, b, from, to, sink);
            return;
        }
        if (!header.programIs(b, "sshd") && !header.programIs(b, "sshd-session") && !header.programIs(b, "sshd-auth")) {
            if (header.programIs(b, "kernel") && Ascii.indexOf(b, " SRC=", header.messageFrom, to) >= 0) {
                sink.leftAside("netfilter");
            } else {
                sink.ignored();
            }
            return;
        }
        message.read(b, from, header.messageFrom, to);
        if (message.error != null) {
            sink.malformed(message.error);
            return;
        }
        if (message.outcome == null) {
            sink.ignored();
            return;
        }
        boolean aboutAccount = message.user != null || message.method != null
                || message.outcome == Outcome.AUTH_FAILURE || message.outcome == Outcome.AUTH_SUCCESS;
        Event event = event(raw, message.address, message.port, message.local, message.localPort, message.outcome,
                aboutAccount ? new Authentication(message.user, message.invalidUser, message.method) : null);
        if (message.repeats > 1) {
            sink.repeated(event, message.repeats);   // "message repeated N times": N attempts, all at this line
        } else {
            sink.event(event);
        }
    }

    /**
     * The pre-2010 PAM form: "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser=
     * rhost=218.188.2.4  user=root". Here it is the only record of the attempt, so it is the event.
     */
    private void pamLine(RawLine raw, byte[] b, int from, int to, ParseSink sink) {
        int at = header.messageFrom;
        if (!Ascii.regionMatches(b, at, to, "authentication failure;")) {
            sink.ignored();
            return;
        }
        int rhost = Ascii.indexOf(b, " rhost=", at, to);
        if (rhost < 0) {
            sink.malformed("no rhost= in the PAM authentication failure at column " + (at - from + 1));
            return;
        }
        int hostFrom = rhost + 7;
        int hostTo = hostFrom;
        while (hostTo < to && b[hostTo] != ' ') {
            hostTo++;
        }
        if (hostTo == hostFrom) {
            sink.ignored(); // an empty rhost is a local login attempt: nobody remote to attribute
            return;
        }
        IpAddress source = IpAddress.parseOrNull(b, hostFrom, hostTo);
        String user = null;
        int userAt = Ascii.indexOf(b, " user=", hostTo, to);
        if (userAt >= 0) {
            int userEnd = Ascii.indexOf(b, (byte) ' ', userAt + 6, to);
            user = users.get(b, userAt + 6, userEnd < 0 ? to : userEnd);
        }
        sink.event(event(raw, source, -1, null, -1, Outcome.AUTH_FAILURE, new Authentication(user, false, null)));
    }

    private Event event(RawLine raw, IpAddress source, int port, IpAddress local, int localPort, Outcome outcome,
                        Authentication detail) {
        return new Event(header.time, source, port, local, localPort, Protocol.TCP, "ssh", outcome, -1, true,
                new InputPosition(inputName, raw.number()), detail);
    }
}
