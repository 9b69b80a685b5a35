package org.hotline.parse.journald;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hotline.parse.FileContext;
import org.hotline.parse.ForwardingSink;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.json.JsonRecord;
import org.hotline.parse.syslog.MixedSyslogParser;
import org.hotline.source.RawLine;

/**
 * The systemd journal as {@code journalctl -o json} writes it, one record per line: what a
 * machine without a syslog daemon (or a {@code journalctl -u ssh -o json > ssh.json} for the
 * analyst) gives instead of {@code auth.log}. A real record (journalctl 252's output for a line of
 * elastic/beats {@code secure-rhel7.log} stored by journald, fields trimmed) and what it becomes:
 * <pre>
 * {"__REALTIME_TIMESTAMP":"1424623520000001","_HOSTNAME":"slave22","SYSLOG_IDENTIFIER":"sshd","_PID":"2738","MESSAGE":"Failed password for root from 202.109.143.106 port 1786 ssh2","_TRANSPORT":"syslog"}
 *   the sshd event of the syslog line "2015-02-22T16:45:20.000+00:00 slave22 sshd[2738]: Failed password ..."
 * </pre>
 * Each record is read as the syslog line it stands for, by the same parsers as a syslog file
 * ({@link MixedSyslogParser}: sshd, then the kernel's packet log), so a journal and the
 * {@code auth.log} of the same messages give the same events: the time from
 * {@code __REALTIME_TIMESTAMP} (microseconds since the epoch, UTC, so no year is guessed), the
 * program from {@code SYSLOG_IDENTIFIER} (else {@code _COMM}), the pid from {@code SYSLOG_PID}
 * (else {@code _PID}), the host from {@code _HOSTNAME}, and {@code MESSAGE}, which journalctl
 * writes as an array of bytes when it is not clean UTF-8. Kernel records carry the packet log
 * without the uptime prefix of the kernel's syslog line, which the netfilter parser takes either way.
 *
 * <p>Records of other programs are ignored. A record that claims to be sshd's or the kernel's
 * while journald's own fields say another process sent it ({@code logger -t sshd}) is malformed,
 * not evidence. A line that is no JSON object, or one without
 * {@code __REALTIME_TIMESTAMP} (journalctl writes it in every record), is malformed; so is an sshd or
 * kernel record whose {@code MESSAGE} is null, which is how journalctl writes a field over 4 KiB
 * unless given {@code --all}: the attempt it recorded would otherwise go uncounted without a word.
 */
public final class JournaldJsonParser implements Parser {
    /** What rsyslog writes, in UTC, to the millisecond events keep. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private final MixedSyslogParser syslog;
    private final Reasons reasons = new Reasons();

    public JournaldJsonParser(FileContext context) {
        this.syslog = new MixedSyslogParser(context);
    }

    @Override
    public String format() {
        return "journald-json";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        JsonRecord r = JsonRecord.read(raw, sink);
        if (r == null) {
            return;
        }
        long micros = r.integer("__REALTIME_TIMESTAMP", -1);
        if (micros < 0) {
            sink.malformed(r.has("__REALTIME_TIMESTAMP") ? "bad \"__REALTIME_TIMESTAMP\" '" + r.text("__REALTIME_TIMESTAMP") + "'"
                    : "no \"__REALTIME_TIMESTAMP\": not a record of journalctl -o json");
            return;
        }
        String program = word(r.text("SYSLOG_IDENTIFIER") != null ? r.text("SYSLOG_IDENTIFIER") : r.text("_COMM"));
        String forged = forged(r, program);
        if (forged != null) {
            sink.malformed(forged);
            return;
        }
        byte[] message = r.bytes("MESSAGE");
        if (message == null) {
            if (program.startsWith("sshd") || program.equals("kernel")) {
                sink.malformed("\"MESSAGE\" of this " + program + " record is " + (r.has("MESSAGE") ? "not text" : "null or missing")
                        + " (journalctl writes null for a field over 4 KiB unless run with --all)");
            } else {
                sink.ignored();
            }
            return;
        }
        String pid = r.text("SYSLOG_PID") != null ? r.text("SYSLOG_PID") : r.text("_PID");
        String host = word(r.text("_HOSTNAME"));
        byte[] line = syslogLine(micros, host, program, pid, message);
        syslog.parse(new RawLine(line, 0, line.length, raw.number(), false), reasons.to(sink));
    }

    /** The RFC 3339 syslog line journald's record stands for; line breaks in the message become spaces. */
    private static byte[] syslogLine(long micros, String host, String program, String pid, byte[] message) {
        String iso = RFC_3339.format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000)));
        byte[] head = (iso + " " + host + " " + program + (pid == null ? "" : "[" + word(pid) + "]") + ": ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + message.length];
        System.arraycopy(head, 0, line, 0, head.length);
        for (int i = 0; i < message.length; i++) {
            byte c = message[i];
            line[head.length + i] = c == '\n' || c == '\r' ? (byte) ' ' : c;
        }
        return line;
    }

    /**
     * Why a record that claims to be sshd's or the kernel's cannot be, or null. SYSLOG_IDENTIFIER is
     * whatever the sender wrote ({@code logger -t sshd "Failed password for root from 8.8.8.8 ..."}
     * needs no privilege), while journald itself records who sent it: {@code _COMM}, the sending
     * process, and {@code _TRANSPORT}, kernel only for the kernel's own messages. Where those are in
     * the record (a journal exported with fewer fields has not them), they must agree.
     */
    private static String forged(JsonRecord r, String program) {
        String comm = r.text("_COMM");
        String transport = r.text("_TRANSPORT");
        if (program.startsWith("sshd") && comm != null && !comm.startsWith("sshd")) {
            return "claims to be sshd's (SYSLOG_IDENTIFIER) but journald recorded '" + comm + "' as its sender (_COMM):"
                    + " not read as an sshd record";
        }
        if (program.equals("kernel") && transport != null && !transport.equals("kernel")) {
            return "claims to be the kernel's (SYSLOG_IDENTIFIER) but came by the '" + transport + "' transport (_TRANSPORT):"
                    + " not read as a kernel record";
        }
        return null;
    }

    /**
     * A header field as one word: absent is "-"; blanks, colons and brackets, which would end the
     * field early or shift every field after it, become '_'.
     */
    private static String word(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.strip());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '[' || c == ']') {
                sb.setCharAt(i, '_');
            }
        }
        return sb.toString();
    }

    /** Passes the syslog parsers' verdicts on, saying that a reason's columns are of the syslog form. */
    private static final class Reasons extends ForwardingSink {
        @Override
        public void malformed(String reason) {
            sink.malformed("in the record's syslog form: " + reason);
        }

        @Override
        public void yearInferred() {
            // Never: the record's time carries its year.
        }
    }
}
