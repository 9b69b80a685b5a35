package org.hotline.parse.syslog;

import org.hotline.event.Event;
import org.hotline.parse.Ascii;
import org.hotline.parse.FileContext;
import org.hotline.parse.IsoTimestamp;

/**
 * Reads the header of one syslog line as files on disk hold it, in the three shapes seen there:
 * <pre>
 *   May 17 10:05:03 host sshd[123]: message                          BSD (RFC 3164), no year, no zone
 *   2024-01-01T10:00:00.123456+00:00 host sshd[123]: message         rsyslog/syslog-ng ISO-8601
 *   &lt;38&gt;1 2022-01-19T14:23:55+00:00 host sshd 44255 - [meta x="1"] message   RFC 5424
 * </pre>
 * each optionally after a {@code <PRI>} as written by network receivers. Afterwards the fields say
 * where the host, the program ("sshd", "kernel", "sshd(pam_unix)"), its pid and the message are.
 *
 * <p>A mutable cursor, reused for every line by one parser: not thread-safe, and its offsets
 * point into the line's buffer, valid only during that line's {@code parse}.
 */
public final class SyslogHeader {
    private final SyslogTimestamp bsd;
    private final FileContext context;

    /** Epoch millis, or {@link Event#NO_TIME} for an RFC 5424 nil timestamp. */
    public long time;
    public int hostFrom;
    public int hostTo;
    public int programFrom;
    public int programTo;
    /** The process id, or -1 when the tag has none. */
    public int pid;
    public int messageFrom;
    /** Why the last {@link #read} failed, naming the column. */
    public String error;
    /** True when the last line read had a classic timestamp, without a year: the year came from the input's rule. */
    public boolean yearless;

    public SyslogHeader(FileContext context) {
        this.context = context;
        this.bsd = new SyslogTimestamp(context);
    }

    /** Reads the header of {@code [from, to)}; false (with {@link #error} set) if it is not syslog. */
    public boolean read(byte[] b, int from, int to) {
        error = null;
        pid = -1;
        yearless = false;
        int i = from;
        if (i < to && b[i] == '<') {
            int close = Ascii.indexOf(b, (byte) '>', i + 1, Math.min(to, i + 5));
            if (close < 0 || Ascii.parseUnsigned(b, i + 1, close) < 0) {
                return fail("bad <priority> at column 1");
            }
            i = close + 1;
            if (i + 1 < to && b[i] == '1' && b[i + 1] == ' ') {
                return readRfc5424(b, from, i + 2, to);
            }
        }
        if (i < to && Ascii.isDigit(b[i])) {
            int space = Ascii.indexOf(b, (byte) ' ', i, to);
            time = space < 0 ? Event.NO_TIME : IsoTimestamp.parse(b, i, space, context.zone());
            if (time == Event.NO_TIME) {
                return fail("no syslog timestamp at column " + col(from, i));
            }
            i = space + 1;
        } else {
            time = bsd.parse(b, i, to);
            if (time < 0) {
                return fail("no syslog timestamp at column " + col(from, i) + " ('" + Ascii.excerpt(b, i, Math.min(to, i + 15)) + "')");
            }
            i = bsd.end() + 1;
            yearless = true;
        }
        while (i < to && b[i] == ' ') {
            i++;
        }
        int hostEnd = Ascii.indexOf(b, (byte) ' ', i, to);
        if (i >= to || hostEnd < 0) {
            return fail("no host and program after the timestamp at column " + col(from, i));
        }
        hostFrom = i;
        hostTo = hostEnd;
        return readTag(b, from, hostEnd + 1, to);
    }

    /**
     * "program[pid]: ", "program: ", or (RFC 3164 allows it) "program " with no colon, as in
     * "syslogd 1.4.1: restart."; the program may contain '(' and ')' ("sshd(pam_unix)").
     */
    private boolean readTag(byte[] b, int from, int i, int to) {
        while (i < to && b[i] == ' ') {
            i++;
        }
        programFrom = i;
        int j = i;
        while (j < to && b[j] != '[' && b[j] != ':' && b[j] != ' ') {
            j++;
        }
        if (j == i || j >= to) {
            return fail("no program tag ('name:' or 'name[pid]:') at column " + col(from, i));
        }
        programTo = j;
        if (b[j] == ' ') {
            messageFrom = j + 1;
            return true;
        }
        if (b[j] == '[') {
            int close = Ascii.indexOf(b, (byte) ']', j + 1, to);
            long p = close < 0 ? -1 : Ascii.parseUnsigned(b, j + 1, close);
            if (p < 0 || p > Integer.MAX_VALUE) {
                return fail("bad [pid] after the program at column " + col(from, j));
            }
            pid = (int) p;
            j = close + 1;
        }
        if (j >= to || b[j] != ':') {
            return fail("no ':' after the program tag at column " + col(from, j));
        }
        j++;
        if (j < to && b[j] == ' ') {
            j++;
        }
        messageFrom = j;
        return true;
    }

    /** TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG], "-" for nil fields. */
    private boolean readRfc5424(byte[] b, int from, int i, int to) {
        int[] tokenEnds = new int[5];
        int start = i;
        for (int k = 0; k < 5; k++) {
            int sp = Ascii.indexOf(b, (byte) ' ', i, to);
            if (sp < 0 || sp == i) {
                return fail("RFC 5424 header cut short at column " + col(from, i));
            }
            tokenEnds[k] = sp;
            i = sp + 1;
        }
        if (b[start] == '-' && tokenEnds[0] == start + 1) {
            time = Event.NO_TIME;
        } else {
            time = IsoTimestamp.parse(b, start, tokenEnds[0], context.zone());
            if (time == Event.NO_TIME) {
                return fail("bad RFC 5424 timestamp at column " + col(from, start));
            }
        }
        hostFrom = tokenEnds[0] + 1;
        hostTo = tokenEnds[1];
        programFrom = tokenEnds[1] + 1;
        programTo = tokenEnds[2];
        long p = Ascii.parseUnsigned(b, tokenEnds[2] + 1, tokenEnds[3]);
        pid = p < 0 || p > Integer.MAX_VALUE ? -1 : (int) p;
        int sd = skipStructuredData(b, i, to);
        if (sd < 0) {
            return fail("unterminated RFC 5424 structured data at column " + col(from, i));
        }
        if (sd < to && b[sd] == ' ') {
            sd++;
        }
        // A UTF-8 byte order mark may open the message (RFC 5424 section 6.4).
        if (sd + 2 < to && b[sd] == (byte) 0xEF && b[sd + 1] == (byte) 0xBB && b[sd + 2] == (byte) 0xBF) {
            sd += 3;
        }
        messageFrom = sd;
        return true;
    }

    /** Index after the "-" or the "[...]" elements at {@code i}, honouring \] and quoted values; -1 if unterminated. */
    private static int skipStructuredData(byte[] b, int i, int to) {
        if (i < to && b[i] == '-') {
            return i + 1;
        }
        while (i < to && b[i] == '[') {
            boolean quoted = false;
            i++;
            while (i < to) {
                byte c = b[i];
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    break;
                }
                i++;
            }
            if (i >= to) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** True if the program tag is exactly {@code name}. */
    public boolean programIs(byte[] b, String name) {
        return Ascii.equals(b, programFrom, programTo, name);
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }

    private static int col(int from, int i) {
        return i - from + 1;
    }
}
