package org.hotline.parse.zeek;

import java.nio.charset.StandardCharsets;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.parse.FileContext;
import org.hotline.parse.IsoTimestamp;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.json.JsonRecord;
import org.hotline.source.RawLine;

/**
 * Zeek's conn.log written as JSON ({@code LogAscii::use_json = T}), one object per line. A real
 * line (Zeek documentation, {@code doc/reference/logs/conn.rst}) and what it becomes:
 * <pre>
 * {"ts":1591367999.430166,"uid":"C5bLoe2Mvxqhawzqqd","id.orig_h":"192.168.4.76","id.orig_p":46378,"id.resp_h":"31.3.245.133","id.resp_p":80,"proto":"tcp","service":"http","duration":0.25411510467529297,"orig_bytes":77,"resp_bytes":295,"conn_state":"SF","missed_bytes":0,"history":"ShADadFf","orig_pkts":6,"orig_ip_bytes":397,"resp_pkts":4,"resp_ip_bytes":511,"ip_proto":6}
 *   source 192.168.4.76:46378 → 31.3.245.133:80, TCP, service http, CONNECTION, bytes 372,
 *   Connection("SF", 254 ms, 6 packets), handshake true
 * </pre>
 * {@code ts} may be epoch seconds (the default) or an ISO-8601 string
 * ({@code JSON::TS_ISO8601}); the {@code id} fields may be flat ({@code "id.orig_h"}) or nested
 * ({@code "id":{"orig_h":...}}) as some shippers rewrite them. Unset fields are simply absent.
 * Records of other Zeek logs in the same stream ({@code _path} other than conn, or no
 * {@code conn_state}) are ignored; a JSON object without {@code id.orig_h} is malformed.
 */
public final class ZeekConnJsonParser implements Parser {
    private final String inputName;
    private final FileContext context;
    private final ZeekConnection conn = new ZeekConnection();

    public ZeekConnJsonParser(FileContext context) {
        this.inputName = context.name();
        this.context = context;
    }

    @Override
    public String format() {
        return "zeek-conn-json";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        JsonRecord r = JsonRecord.read(raw, sink);
        if (r == null) {
            return;
        }
        boolean nested = !r.has("id.orig_h") && r.isObject("id");
        String originText = nested ? r.text("id", "orig_h") : r.text("id.orig_h");
        if (originText == null) {
            sink.malformed("no \"id.orig_h\": not a Zeek connection record");
            return;
        }
        String path = r.text("_path");
        if ((path != null && !path.equals("conn")) || !r.has("conn_state")) {
            sink.ignored();
            return;
        }
        conn.clear();
        conn.origin = IpAddress.parseOrNull(originText);
        String responderText = nested ? r.text("id", "resp_h") : r.text("id.resp_h");
        conn.responder = responderText == null ? null : IpAddress.parseOrNull(responderText);
        if (conn.origin == null || conn.responder == null) {
            sink.malformed("bad address '" + (conn.origin == null ? originText : responderText) + "'");
            return;
        }
        conn.originPort = port(nested ? r.integer("id", "orig_p", -1) : r.integer("id.orig_p", -1));
        conn.responderPort = port(nested ? r.integer("id", "resp_p", -1) : r.integer("id.resp_p", -1));
        if (!readTime(r)) {
            sink.malformed("bad \"ts\" '" + r.text("ts") + "'");
            return;
        }
        conn.proto = r.text("proto");
        conn.service = r.text("service");
        conn.state = r.text("conn_state");
        conn.history = r.text("history");
        double duration = r.decimal("duration");
        conn.durationMillis = Double.isNaN(duration) || duration < 0 ? -1 : (long) (duration * 1000);
        conn.originBytes = r.integer("orig_bytes", -1);
        conn.responderBytes = r.integer("resp_bytes", -1);
        conn.originPackets = r.integer("orig_pkts", -1);
        sink.event(conn.toEvent(inputName, raw.number()));
    }

    private boolean readTime(JsonRecord r) {
        if (!r.has("ts")) {
            return true;
        }
        double seconds = r.decimal("ts");
        if (!Double.isNaN(seconds)) {
            conn.time = (long) Math.floor(seconds * 1000);
            return seconds >= 0;
        }
        String text = r.text("ts");
        if (text == null) {
            return false;
        }
        byte[] iso = text.getBytes(StandardCharsets.UTF_8);
        conn.time = IsoTimestamp.parse(iso, 0, iso.length, context.zone());
        return conn.time != Event.NO_TIME;
    }

    private static int port(long p) {
        return p >= 0 && p <= 65535 ? (int) p : -1;
    }
}
