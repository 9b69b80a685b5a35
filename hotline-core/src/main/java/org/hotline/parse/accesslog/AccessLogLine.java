package org.hotline.parse.accesslog;

import java.util.Arrays;
import org.hotline.event.IpAddress;
import org.hotline.parse.Ascii;
import org.hotline.parse.RecentStrings;

/**
 * Reads the fields the common and combined formats share, straight from the line's bytes:
 * <pre>
 *   [vhost[:port] ]client ident user [dd/Mon/yyyy:HH:mm:ss +zzzz] "request" status size
 * </pre>
 * then, on demand, the quoted fields that follow (referer and user agent in the combined format).
 * No regex, no decoding of the line; Strings only for what an event keeps.
 *
 * <p>Tolerated because real servers write them: {@code -} for the size (nothing sent); a request
 * with {@code \"} escapes (Apache) or even a raw {@code "} inside (the closing quote is the one
 * followed by a status); an IPv6 client; a host name as client ({@code HostnameLookups On}:
 * source null, the event is kept but cannot be attributed); Apache's {@code vhost_combined} and
 * nginx's {@code $host} prefix before the client; a user field that is missing entirely.
 *
 * <p>A mutable cursor reused for every line: not thread-safe, offsets valid during one parse.
 */
final class AccessLogLine {
    private static final byte QUOTE = '"';
    private static final byte BACKSLASH = '\\';
    private final ClfTime clock = new ClfTime();
    private final RecentStrings hosts = new RecentStrings(64);
    private final byte[] lastClientText = new byte[64];
    private int lastClientLength = -1;
    private IpAddress lastClient;

    IpAddress client;
    String vhost;
    long time;
    int requestFrom;
    int requestTo;
    int status;
    long size;
    /** Index just after the size field. */
    int pos;
    /** The last quoted field read by {@link #readQuoted}. */
    int quotedFrom;
    int quotedTo;
    String error;

    /** Reads up to and including the size; false with {@link #error} set if the line breaks the format. */
    boolean read(byte[] b, int from, int to) {
        error = null;
        vhost = null;
        int firstSpace = Ascii.indexOf(b, (byte) ' ', from, to);
        if (firstSpace <= from) {
            return fail(firstSpace == from || from == to ? "no client address at column 1"
                    : "no space after the client address at column 1");
        }
        int open = Ascii.indexOf(b, (byte) '[', firstSpace, to);
        if (open < 0) {
            return fail("no '[' before the time");
        }
        if (!readClient(b, from, firstSpace, open)) {
            return false;
        }
        if (open + 1 + ClfTime.LENGTH >= to || b[open + 1 + ClfTime.LENGTH] != ']') {
            int close = Ascii.indexOf(b, (byte) ']', open, to);
            return fail(close < 0 ? "no closing ']' after time at column " + col(from, open)
                    : "time is not dd/Mon/yyyy:HH:mm:ss +zzzz at column " + col(from, open + 1));
        }
        time = clock.parse(b, open + 1);
        if (time == ClfTime.INVALID) {
            return fail("bad time '" + Ascii.excerpt(b, open + 1, open + 1 + ClfTime.LENGTH) + "' at column " + col(from, open + 1));
        }
        int i = open + 2 + ClfTime.LENGTH;
        if (i + 1 >= to || b[i] != ' ' || b[i + 1] != '"') {
            return fail("no '\"' before the request at column " + col(from, i + 1));
        }
        requestFrom = i + 2;
        requestTo = closingRequestQuote(b, requestFrom, to);
        if (requestTo < 0) {
            return fail("no closing '\"' after the request at column " + col(from, requestFrom));
        }
        i = requestTo + 2;
        int statusEnd = i;
        while (statusEnd < to && Ascii.isDigit(b[statusEnd])) {
            statusEnd++;
        }
        if (statusEnd - i != 3 || (statusEnd < to && b[statusEnd] != ' ')) {
            return fail("status is not three digits at column " + col(from, i));
        }
        status = (b[i] - '0') * 100 + (b[i + 1] - '0') * 10 + (b[i + 2] - '0');
        i = statusEnd + 1;
        int sizeEnd = i;
        while (sizeEnd < to && b[sizeEnd] != ' ') {
            sizeEnd++;
        }
        if (statusEnd >= to || sizeEnd == i) {
            return fail("no size after the status at column " + col(from, Math.min(i, to)));
        }
        if (sizeEnd - i == 1 && b[i] == '-') {
            size = -1;
        } else {
            size = Ascii.parseUnsigned(b, i, sizeEnd);
            if (size < 0) {
                return fail("size is neither a number nor '-' at column " + col(from, i));
            }
        }
        pos = sizeEnd;
        return true;
    }

    /**
     * The client is the token before the ident and user fields. If the first token is not an
     * address but the second is, the first is a virtual host ({@code host[:port] client ...}).
     */
    private boolean readClient(byte[] b, int from, int firstSpace, int open) {
        client = address(b, from, firstSpace);
        if (client != null) {
            return true;
        }
        int secondEnd = Ascii.indexOf(b, (byte) ' ', firstSpace + 1, open);
        if (secondEnd > firstSpace + 1) {
            IpAddress second = IpAddress.parseOrNull(b, firstSpace + 1, secondEnd);
            if (second != null && isHostName(b, from, firstSpace, true)) {
                client = second;
                int colon = Ascii.indexOf(b, (byte) ':', from, firstSpace);
                vhost = hosts.get(b, from, colon < 0 ? firstSpace : colon);
                return true;
            }
        }
        if (isHostName(b, from, firstSpace, false)) {
            return true; // a resolved host name: kept as an event with no source address
        }
        return fail("no client address at column 1 ('" + Ascii.excerpt(b, from, firstSpace) + "')");
    }

    /** Parses the client, reusing the last result when a client sends several requests in a row. */
    private IpAddress address(byte[] b, int from, int to) {
        int n = to - from;
        if (n == lastClientLength && Arrays.equals(lastClientText, 0, n, b, from, to)) {
            return lastClient;
        }
        IpAddress ip = IpAddress.parseOrNull(b, from, to);
        if (ip != null && n <= lastClientText.length) {
            System.arraycopy(b, from, lastClientText, 0, n);
            lastClientLength = n;
            lastClient = ip;
        }
        return ip;
    }

    /** Letters, digits, '-', '.', '_' with at least one letter; with a trailing ":port" if allowed. */
    private static boolean isHostName(byte[] b, int from, int to, boolean portAllowed) {
        boolean letter = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (Ascii.isLetter(c)) {
                letter = true;
            } else if (c == ':' && portAllowed) {
                return letter && Ascii.parsePort(b, i + 1, to) >= 0;
            } else if (!Ascii.isDigit(c) && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return letter;
    }

    /**
     * The closing quote of the request: an unescaped '"' followed by a space and a digit (the
     * status). Requiring the status skips raw quotes that some servers leave inside the request.
     */
    private static int closingRequestQuote(byte[] b, int from, int to) {
        for (int i = Ascii.indexOfEither(b, QUOTE, BACKSLASH, from, to); i >= 0;
                i = Ascii.indexOfEither(b, QUOTE, BACKSLASH, i + 1, to)) {
            if (b[i] == BACKSLASH) {
                i++;
            } else if (i + 2 < to && b[i + 1] == ' ' && Ascii.isDigit(b[i + 2])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the next quoted field at or after {@code at} (after spaces) into {@link #quotedFrom} and
     * {@link #quotedTo}. Returns the index after it; -1 if there is no field (end of line); -2 if the
     * next text is not a quoted field (then {@link #quotedFrom} is where that text starts); -3 if its
     * closing quote is missing (the field then runs to the end).
     */
    int readQuoted(byte[] b, int at, int to) {
        int i = at;
        while (i < to && b[i] == ' ') {
            i++;
        }
        if (i >= to) {
            return -1;
        }
        if (b[i] != '"') {
            quotedFrom = i;
            return -2;
        }
        quotedFrom = i + 1;
        for (int k = Ascii.indexOfEither(b, QUOTE, BACKSLASH, quotedFrom, to); k >= 0;
                k = Ascii.indexOfEither(b, QUOTE, BACKSLASH, k + 1, to)) {
            if (b[k] == BACKSLASH) {
                k++;
            } else if (k + 1 == to || b[k + 1] == ' ') {
                quotedTo = k;
                return k + 1;
            }
        }
        quotedTo = to;
        return -3;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }

    static int col(int from, int i) {
        return i - from + 1;
    }
}
