package org.hotline.parse.accesslog;

import org.hotline.event.Event;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.InputPosition;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.source.RawLine;

/**
 * The Common Log Format ({@code LogFormat "%h %l %u %t \"%r\" %>s %b" common}): the combined
 * format without referer and user agent. A real line (CrowdSec hub test data, a Nikto scan) and
 * what it becomes:
 * <pre>
 * 172.17.0.1 - - [29/Sep/2021:12:37:05 +0000] "GET /start.php?lang=http://cirt.net/rfiinc.txt? HTTP/1.1" 404 196
 *   source 172.17.0.1, REQUEST, bytes 196, HttpRequest(GET, /start.php?lang=http://cirt.net/rfiinc.txt?, 404, null, null)
 * </pre>
 * Strict on purpose: text after the size means another format (combined), reported as malformed
 * with its column, so format detection does not take a combined log for a common one. Everything
 * else (odd requests, IPv6 clients, vhost prefix, handshake) is as in {@link CombinedLogParser}.
 */
public final class CommonLogParser implements Parser {
    private final String inputName;
    private final AccessLogLine line = new AccessLogLine();
    private final RequestLine request = new RequestLine();

    public CommonLogParser(FileContext context) {
        this.inputName = context.name();
    }

    @Override
    public String format() {
        return "common";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        byte[] b = raw.bytes();
        int from = raw.offset();
        int to = raw.end();
        if (!line.read(b, from, to)) {
            sink.malformed(line.error);
            return;
        }
        for (int i = line.pos; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                sink.malformed("text after the size at column " + AccessLogLine.col(from, i)
                        + ": not the common format (combined?)");
                return;
            }
        }
        request.read(b, line.requestFrom, line.requestTo);
        sink.event(new Event(line.time, line.client, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST,
                line.size, true, new InputPosition(inputName, raw.number()),
                new HttpRequest(request.method, request.target, line.status, null, line.vhost)));
    }
}
