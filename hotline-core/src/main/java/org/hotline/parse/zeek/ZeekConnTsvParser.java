package org.hotline.parse.zeek;

import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.parse.Ascii;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseSink;
import org.hotline.parse.Parser;
import org.hotline.parse.RecentStrings;
import org.hotline.source.RawLine;

/**
 * Zeek's conn.log in its default ASCII (TSV) form. A real line (zeek/zeek
 * {@code testing/btest/Files/zeek-cut-logs/conn.log}) and what it becomes:
 * <pre>
 * 1329843161.968492  CXWv6p3arKYeMETxOg  141.142.220.235  50003  199.233.217.249  21  tcp  ftp  38.055625  180  3146  SF  -  0  ShAdDfFa  38  2164  25  4458  (empty)
 *   source 141.142.220.235:50003 → 199.233.217.249:21, TCP, service ftp, CONNECTION, bytes 3326,
 *   Connection("SF", 38055 ms, 38 packets), handshake true (see ZeekConnState)
 * </pre>
 * Columns come from the {@code #fields} header ({@link ZeekTsvHeader}), so any column order and
 * extra columns work; {@code -} is unset and {@code (empty)} an empty set. Header lines are ignored;
 * data lines before any {@code #fields} header, or in a log whose {@code #path} is not conn, are
 * malformed.
 *
 * <p>Zeek's own regression baselines mask timestamps as {@code XXXXXXXXXX.XXXXXX}: such a line is
 * still a real connection and becomes an event with {@link Event#NO_TIME}, like an unset ts;
 * any other unreadable ts is malformed.
 */
public final class ZeekConnTsvParser implements Parser {
    private final String inputName;
    private final ZeekTsvHeader header;
    private final ZeekConnection conn = new ZeekConnection();
    private final RecentStrings strings = new RecentStrings(128);
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    public ZeekConnTsvParser(FileContext context) {
        this.inputName = context.name();
        this.header = ZeekTsvHeader.fromHead(context.head());
    }

    @Override
    public String format() {
        return "zeek-conn";
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        byte[] b = raw.bytes();
        int from = raw.offset();
        int to = raw.end();
        if (to > from && b[from] == '#') {
            header.update(raw.text());
            sink.ignored();
            return;
        }
        String problem = headerProblem();
        if (problem != null) {
            sink.malformed(problem);
            return;
        }
        int n = split(b, from, to);
        if (n != header.fieldCount) {
            sink.malformed(n + " fields where the #fields header declares " + header.fieldCount);
            return;
        }
        conn.clear();
        String error = readColumns(b, from);
        if (error != null) {
            sink.malformed(error);
            return;
        }
        sink.event(conn.toEvent(inputName, raw.number()));
    }

    private String headerProblem() {
        if (header.fieldCount < 0) {
            return "no #fields header before this line: not a Zeek TSV log, or its header is missing";
        }
        if (header.path != null && !header.path.equals("conn")) {
            return "a Zeek '" + header.path + "' log, not conn";
        }
        if (header.originHost < 0 || header.responderHost < 0) {
            return "the #fields header has no id.orig_h or id.resp_h column";
        }
        return null;
    }

    private String readColumns(byte[] b, int lineFrom) {
        if (header.ts >= 0 && !isUnset(b, header.ts)) {
            int s = starts[header.ts];
            int e = ends[header.ts];
            if (isMasked(b, s, e)) {
                conn.time = Event.NO_TIME;
            } else {
                conn.time = Ascii.parseThousandths(b, s, e);
                if (conn.time == Ascii.NOT_A_NUMBER) {
                    return "bad ts '" + Ascii.excerpt(b, s, e) + "' at column " + (s - lineFrom + 1);
                }
            }
        }
        conn.origin = address(b, header.originHost);
        conn.responder = address(b, header.responderHost);
        if (conn.origin == null || conn.responder == null) {
            int bad = conn.origin == null ? header.originHost : header.responderHost;
            return "bad address '" + Ascii.excerpt(b, starts[bad], ends[bad]) + "' at column " + (starts[bad] - lineFrom + 1);
        }
        conn.originPort = port(b, header.originPort);
        conn.responderPort = port(b, header.responderPort);
        conn.proto = text(b, header.proto);
        conn.service = text(b, header.service);
        conn.state = text(b, header.state);
        conn.history = text(b, header.history);
        conn.durationMillis = number(b, header.duration, true);
        conn.originBytes = number(b, header.originBytes, false);
        conn.responderBytes = number(b, header.responderBytes, false);
        conn.originPackets = number(b, header.originPackets, false);
        return null;
    }

    /** Splits on the separator into {@link #starts}/{@link #ends}; returns the field count. */
    private int split(byte[] b, int from, int to) {
        byte sep = header.separator;
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == sep) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                    ends = java.util.Arrays.copyOf(ends, n * 2);
                }
                starts[n] = start;
                ends[n] = i;
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    private boolean isUnset(byte[] b, int column) {
        return Ascii.equals(b, starts[column], ends[column], header.unset);
    }

    private static boolean isMasked(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 'X' && b[i] != '.') {
                return false;
            }
        }
        return to > from;
    }

    private IpAddress address(byte[] b, int column) {
        return IpAddress.parseOrNull(b, starts[column], ends[column]);
    }

    private int port(byte[] b, int column) {
        return column < 0 || isUnset(b, column) ? -1 : Ascii.parsePort(b, starts[column], ends[column]);
    }

    private String text(byte[] b, int column) {
        if (column < 0 || isUnset(b, column) || Ascii.equals(b, starts[column], ends[column], header.empty)) {
            return null;
        }
        return strings.get(b, starts[column], ends[column]);
    }

    /** A count, or (for intervals) seconds with a fraction as milliseconds; -1 if unset or unreadable. */
    private long number(byte[] b, int column, boolean seconds) {
        if (column < 0 || isUnset(b, column)) {
            return -1;
        }
        long v = seconds ? Ascii.parseThousandths(b, starts[column], ends[column])
                : Ascii.parseUnsigned(b, starts[column], ends[column]);
        return v == Ascii.NOT_A_NUMBER ? -1 : v;
    }
}
