package org.hotline.parse.cowrie;

import java.nio.charset.StandardCharsets;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.HoneypotAction;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.FileContext;
import org.hotline.parse.IsoTimestamp;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.json.JsonRecord;
import org.hotline.source.RawLine;

/**
 * The Cowrie SSH/Telnet honeypot's JSON log ({@code var/log/cowrie/cowrie.json}), one object per
 * line. A line shaped as Cowrie 2.x writes it (field names from Cowrie's {@code docs/OUTPUT.rst};
 * documentation addresses) and what it becomes:
 * <pre>
 * {"eventid": "cowrie.login.failed", "username": "root", "password": "123456", "message": "login attempt [root/123456] failed", "src_ip": "203.0.113.7", "session": "a1b2c3d4e5f6", "timestamp": "2018-05-06T17:44:07.204528Z", "sensor": "sensor1"}
 *   source 203.0.113.7, AUTH_FAILURE, service ssh (from the session's protocol when logged),
 *   HoneypotAction("cowrie.login.failed", "a1b2c3d4e5f6", "root", "123456", null), handshake true
 * </pre>
 * Everything that reaches a honeypot is hostile by definition, and Cowrie only logs sessions on
 * TCP connections it accepted, so every event has {@code handshake = true}. Which event ids become
 * which outcome is in {@link CowrieEventId}; bookkeeping ids (client version, key exchange,
 * terminal size, tty log, session closed) are ignored so that one intruder action is one event.
 * A JSON line without an {@code eventid} starting with {@code cowrie.} is malformed.
 */
public final class CowrieJsonParser implements Parser {
    private final String inputName;
    private final FileContext context;

    public CowrieJsonParser(FileContext context) {
        this.inputName = context.name();
        this.context = context;
    }

    @Override
    public String format() {
        return "cowrie";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        JsonRecord r = JsonRecord.read(raw, sink);
        if (r == null) {
            return;
        }
        String eventId = r.text("eventid");
        if (eventId == null || !eventId.startsWith("cowrie.")) {
            sink.malformed("no \"eventid\" starting with \"cowrie.\": not a Cowrie record");
            return;
        }
        CowrieEventId kind = CowrieEventId.of(eventId);
        if (kind == null) {
            sink.ignored();
            return;
        }
        String stamp = r.text("timestamp");
        long time = stamp == null ? Event.NO_TIME : time(stamp);
        if (time == Event.NO_TIME) {
            sink.malformed(stamp == null ? "no \"timestamp\"" : "bad \"timestamp\" '" + stamp + "'");
            return;
        }
        String srcText = r.text("src_ip");
        IpAddress source = srcText == null ? null : IpAddress.parseOrNull(srcText);
        if (source == null) {
            sink.malformed(srcText == null ? "no \"src_ip\"" : "bad \"src_ip\" '" + srcText + "'");
            return;
        }
        IpAddress sensor = null;
        int sensorPort = -1;
        if (kind == CowrieEventId.CONNECT) {
            String dstText = r.text("dst_ip");
            sensor = dstText == null ? null : IpAddress.parseOrNull(dstText);
            sensorPort = port(r.integer("dst_port", -1));
        }
        sink.event(new Event(time, source, port(r.integer("src_port", -1)), sensor, sensorPort, Protocol.TCP,
                service(r), kind.outcome, -1, true, new InputPosition(inputName, raw.number()),
                new HoneypotAction(eventId, r.text("session"), r.text("username"), r.text("password"), kind.command(r))));
    }

    private long time(String stamp) {
        byte[] b = stamp.getBytes(StandardCharsets.US_ASCII);
        return IsoTimestamp.parse(b, 0, b.length, context.zone());
    }

    /** "ssh" or "telnet" from the protocol field, else from the logging system's name; null if neither says. */
    private static String service(JsonRecord r) {
        String protocol = r.text("protocol");
        if (protocol != null) {
            return protocol;
        }
        String system = r.text("system");
        if (system != null) {
            if (system.contains("SSH")) {
                return "ssh";
            }
            if (system.contains("Telnet")) {
                return "telnet";
            }
        }
        return null;
    }

    private static int port(long p) {
        return p >= 0 && p <= 65535 ? (int) p : -1;
    }
}
