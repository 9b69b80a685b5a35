package org.hotline.parse.accesslog;

import org.hotline.parse.Ascii;
import org.hotline.parse.RecentStrings;

/**
 * Splits the logged request ({@code GET /a?b HTTP/1.1}, the text between the quotes) into method
 * and target, keeping both exactly as logged (still escaped, never decoded).
 *
 * <p>What real servers log besides well-formed request lines, and what becomes of it:
 * <ul>
 *   <li>{@code -} (the client connected and sent nothing before the timeout, status 408):
 *       method and target null;</li>
 *   <li>bytes that are not HTTP at all, such as a TLS ClientHello sent to a plain-HTTP port
 *       ({@code \x16\x03\x01...}), a Gh0st RAT beacon or {@code HELP}: method null, target the
 *       whole logged text, so detectors still see what the client sent. It is still an event: the
 *       client completed a TCP handshake and talked to the server;</li>
 *   <li>{@code GET /path} without a version (HTTP/0.9) and targets with raw spaces: the target
 *       runs to the end, or to the last space before an {@code HTTP/} version;</li>
 *   <li>lower-case or unknown methods ({@code get}, {@code PROPFIND}) are kept as logged: HTTP
 *       methods are case-sensitive (RFC 9110 section 9.1) and {@code get} is not {@code GET}.</li>
 * </ul>
 *
 * <p>Not thread-safe (it caches Strings); one per parser instance.
 */
final class RequestLine {
    private static final String[] COMMON_METHODS = {
        "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE", "PROPFIND"
    };
    /** RFC 9110 tchar punctuation; letters and digits are tested separately. */
    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private final RecentStrings targets = new RecentStrings(4096);
    private final RecentStrings methods = new RecentStrings(16);

    String method;
    String target;

    void read(byte[] b, int from, int to) {
        method = null;
        target = null;
        if (to - from == 1 && b[from] == '-') {
            return;
        }
        int space = Ascii.indexOf(b, (byte) ' ', from, to);
        if (space <= from || !isToken(b, from, space)) {
            target = from == to ? null : targets.get(b, from, to);
            return;
        }
        method = method(b, from, space);
        int targetFrom = space + 1;
        int targetTo = to;
        int last = Ascii.lastIndexOf(b, (byte) ' ', targetFrom, to);
        if (last >= targetFrom && Ascii.regionMatches(b, last + 1, to, "HTTP/")) {
            targetTo = last;
        }
        target = targetTo > targetFrom ? targets.get(b, targetFrom, targetTo) : null;
    }

    private String method(byte[] b, int from, int to) {
        for (String m : COMMON_METHODS) {
            if (Ascii.equals(b, from, to, m)) {
                return m;
            }
        }
        return methods.get(b, from, to);
    }

    private static boolean isToken(byte[] b, int from, int to) {
        if (to - from > 32) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!Ascii.isLetter(c) && !Ascii.isDigit(c) && TOKEN_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
