package org.hotline.parse.suricata;

import java.nio.charset.StandardCharsets;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.EventDetail.Connection;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.EventDetail.IdsAlert;
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
 * Suricata's EVE JSON log ({@code eve.json}), one object per line. A real line (suricata-sample-data,
 * honeypot 2018, MIT) and what it becomes:
 * <pre>
 * {"timestamp":"2019-01-02T03:50:11.315110","flow_id":52710912,"in_iface":"eth0","event_type":"alert","src_ip":"8.42.77.171","src_port":49678,"dest_ip":"138.68.3.71","dest_port":22,"proto":"TCP","alert":{"action":"allowed","gid":1,"signature_id":2001219,"rev":19,"signature":"ET SCAN Potential SSH Scan","category":"Attempted Information Leak","severity":2}}
 *   source 8.42.77.171:49678 → 138.68.3.71:22, TCP, ALERT,
 *   IdsAlert(2001219, "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2, "allowed"), handshake false
 * </pre>
 * How each {@code event_type} is read is in {@link EveEventType}; {@code stats} and types this
 * parser does not know are ignored, a line without {@code event_type} or timestamp is malformed.
 *
 * <p>Hazards. Times without a UTC offset (the sample data above; real eve.json writes
 * {@code +0000}) are read in the input's zone ({@link FileContext#zone()}, UTC by default). For an
 * alert the source is the packet's {@code src_ip}, which for a rule matching a server's reply is
 * the server; Suricata 6+ names the attacker in {@code alert.source} when the rule says so, and
 * that is used when present.
 */
public final class EveJsonParser implements Parser {
    private final String inputName;
    private final FileContext context;

    public EveJsonParser(FileContext context) {
        this.inputName = context.name();
        this.context = context;
    }

    @Override
    public String format() {
        return "suricata-eve";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        JsonRecord r = JsonRecord.read(raw, sink);
        if (r == null) {
            return;
        }
        String type = r.text("event_type");
        if (type == null) {
            sink.malformed("no \"event_type\": not a Suricata EVE record");
            return;
        }
        EveEventType kind = EveEventType.of(type);
        if (kind == null) {
            sink.ignored();
            return;
        }
        String stamp = r.text("timestamp");
        long time = stamp == null ? Event.NO_TIME : parseTime(stamp);
        if (time == Event.NO_TIME) {
            sink.malformed(stamp == null ? "no \"timestamp\"" : "bad \"timestamp\" '" + stamp + "'");
            return;
        }
        JsonRecord alert = r.object("alert");
        // Suricata 6+ writes alert.source/alert.target when the rule says which side attacks.
        JsonRecord attacker = alert == null ? null : alert.object("source");
        JsonRecord victim = alert == null ? null : alert.object("target");
        boolean named = attacker != null && attacker.has("ip") && victim != null && victim.has("ip");
        String srcText = named ? attacker.text("ip") : r.text("src_ip");
        String dstText = named ? victim.text("ip") : r.text("dest_ip");
        IpAddress src = srcText == null ? null : IpAddress.parseOrNull(srcText);
        IpAddress dst = dstText == null ? null : IpAddress.parseOrNull(dstText);
        if (srcText != null && src == null) {
            sink.malformed("bad \"src_ip\" '" + srcText + "'");
            return;
        }
        if (dstText != null && dst == null) {
            sink.malformed("bad \"dest_ip\" '" + dstText + "'");
            return;
        }
        int srcPort = port(named ? attacker.integer("port", -1) : r.integer("src_port", -1));
        int dstPort = port(named ? victim.integer("port", -1) : r.integer("dest_port", -1));
        Protocol protocol = Protocol.of(r.text("proto"));
        String appProto = r.text("app_proto");
        boolean handshake = EveHandshake.proven(kind, protocol, appProto, r);
        sink.event(new Event(time, src, srcPort, dst, dstPort, protocol, service(kind, type, appProto), kind.outcome,
                bytes(kind, r), handshake, new InputPosition(inputName, raw.number()), detail(kind, r, alert)));
    }

    /** The alert, the flow's state, or the HTTP request; null for the other kinds. */
    private EventDetail detail(EveEventType kind, JsonRecord r, JsonRecord alert) {
        switch (kind) {
            case ALERT:
                return alert == null ? null : new IdsAlert(alert.integer("signature_id", -1), alert.text("signature"),
                        alert.text("category"), (int) alert.integer("severity", -1), alert.text("action"));
            case FLOW:
                JsonRecord flow = r.object("flow");
                return new Connection(flowState(flow, r), duration(flow),
                        flow == null ? -1 : flow.integer("pkts_toserver", -1));
            case HTTP:
                JsonRecord http = r.object("http");
                return http == null ? null : new HttpRequest(http.text("http_method"), http.text("url"),
                        (int) http.integer("status", -1), http.text("http_user_agent"), http.text("hostname"));
            default:
                return null;
        }
    }

    /** An HTTP record's response length; otherwise the flow's bytes in both directions; -1 if unknown. */
    private static long bytes(EveEventType kind, JsonRecord r) {
        long length = kind == EveEventType.HTTP ? r.integer("http", "length", -1) : -1;
        return length >= 0 ? length : flowBytes(r.object("flow"));
    }

    private long parseTime(String stamp) {
        byte[] b = stamp.getBytes(StandardCharsets.US_ASCII);
        return IsoTimestamp.parse(b, 0, b.length, context.zone());
    }

    private long micros(String stamp) {
        byte[] b = stamp.getBytes(StandardCharsets.US_ASCII);
        return IsoTimestamp.parseMicros(b, 0, b.length, context.zone());
    }

    private static int port(long p) {
        return p >= 0 && p <= 65535 ? (int) p : -1;
    }

    private static long flowBytes(JsonRecord flow) {
        if (flow == null) {
            return -1;
        }
        long toServer = flow.integer("bytes_toserver", -1);
        long toClient = flow.integer("bytes_toclient", -1);
        return toServer < 0 && toClient < 0 ? -1 : Math.max(0, toServer) + Math.max(0, toClient);
    }

    private static String flowState(JsonRecord flow, JsonRecord r) {
        String tcpState = r.text("tcp", "state");
        return tcpState != null ? tcpState : flow == null ? null : flow.text("state");
    }

    private long duration(JsonRecord flow) {
        if (flow == null || flow.text("start") == null || flow.text("end") == null) {
            return -1;
        }
        long start = micros(flow.text("start"));
        long end = micros(flow.text("end"));
        return start == Event.NO_TIME || end == Event.NO_TIME || end < start ? -1 : (end - start) / 1000;
    }

    private static String service(EveEventType kind, String type, String appProto) {
        if (appProto != null && !appProto.isEmpty() && !appProto.equals("failed") && !appProto.equals("unknown")) {
            return appProto;
        }
        return kind.serviceIsType ? type : null;
    }
}
