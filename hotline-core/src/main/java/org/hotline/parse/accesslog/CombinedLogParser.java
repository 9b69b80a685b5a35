package org.hotline.parse.accesslog;

import org.hotline.event.Event;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.InputPosition;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.RecentStrings;
import org.hotline.source.RawLine;

/**
 * Apache/nginx "combined" access logs, the default of both servers. A real line (elastic/examples
 * Apache sample) and what it becomes:
 * <pre>
 * 83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1" 200 203023 "http://semicomplete.com/presentations/logstash-monitorama-2013/" "Mozilla/5.0 (Macintosh; ...) Chrome/32.0.1700.77 Safari/537.36"
 *   source 83.149.9.216, time 2015-05-17T10:05:03Z, REQUEST, bytes 203023 (the response size; '-' = -1),
 *   HttpRequest(GET, /presentations/.../kibana-search.png, 200, "Mozilla/5.0 ...", host null)
 * </pre>
 * Every line is {@code handshake = true}: a web server only logs a connection it accepted, and
 * accept() returns only after the client completed the TCP handshake, whatever it then sent.
 *
 * <p>Lenient where real logs vary: a line without referer and user agent (a common-format line
 * in a combined file) is still an event with a null user agent; fields after the user agent
 * (nginx's {@code "$http_x_forwarded_for"}, timings) are skipped; a user agent whose closing quote
 * is missing, as on one line of the elastic sample, runs to the end of the line. Because of that
 * leniency {@code common} is listed before {@code combined}: on a common-format file both read
 * every line and the first listed wins; on a combined file {@link CommonLogParser} refuses the
 * trailing fields.
 *
 * <p>This is the hot path of {@code hotline analyze}: no regex, no String for the address, the time
 * cached per second, methods interned, user agents and targets shared through small caches.
 */
public final class CombinedLogParser implements Parser {
    private final String inputName;
    private final AccessLogLine line = new AccessLogLine();
    private final RequestLine request = new RequestLine();
    private final RecentStrings userAgents = new RecentStrings(4096);

    public CombinedLogParser(FileContext context) {
        this.inputName = context.name();
    }

    @Override
    public String format() {
        return "combined";
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
        String userAgent = null;
        int next = line.readQuoted(b, line.pos, to);
        if (next >= 0) {
            next = line.readQuoted(b, next, to);
            if (next >= 0 || next == -3) {
                userAgent = line.quotedTo - line.quotedFrom == 1 && b[line.quotedFrom] == '-'
                        ? null : userAgents.get(b, line.quotedFrom, line.quotedTo);
            } else if (next == -2) {
                sink.malformed("no '\"' before the user agent at column " + AccessLogLine.col(from, line.quotedFrom));
                return;
            }
        } else if (next == -2) {
            sink.malformed("no '\"' before the referer at column " + AccessLogLine.col(from, line.quotedFrom));
            return;
        } else if (next == -3) {
            sink.malformed("no closing '\"' after the referer at column " + AccessLogLine.col(from, line.quotedFrom));
            return;
        }
        request.read(b, line.requestFrom, line.requestTo);
        sink.event(new Event(line.time, line.client, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST,
                line.size, true, new InputPosition(inputName, raw.number()),
                new HttpRequest(request.method, request.target, line.status, userAgent, line.vhost)));
    }
}
