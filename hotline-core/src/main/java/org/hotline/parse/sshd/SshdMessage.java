package org.hotline.parse.sshd;

import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.parse.Ascii;
import org.hotline.parse.RecentStrings;

/**
 * Interprets the message part of one sshd log line (after "sshd[pid]: ") as OpenSSH 5 to 10
 * writes it. After {@link #read}, {@link #outcome} is null for a line that is not an event
 * (session bookkeeping, PAM chatter, lines without a remote address), or the event's outcome with
 * the remote address, port and account; {@link #error} is set when a line that should carry an
 * address does not (a truncated line).
 *
 * <p>One attempt, one event: sshd logs each password try as "Failed password ..." and PAM logs the
 * same try again ("pam_unix(sshd:auth): authentication failure", "PAM 4 more authentication
 * failures"); only sshd's own line becomes an event. "Invalid user X from A" is an event of its
 * own (a probe for an account name, also logged when no password follows), so a failed password
 * for an unknown account yields two AUTH_FAILURE events, as fail2ban counts them.
 *
 * <p>Mutable and reused per parser; not thread-safe.
 */
final class SshdMessage {
    /** rsyslog's counts are believed up to this; a larger one is read as this many (one line, no flood of events). */
    static final int MAX_REPEATS = 100_000;
    private final AddressTail tail = new AddressTail();
    private final RecentStrings users = new RecentStrings(256);
    private final RecentStrings words = new RecentStrings(16);

    Outcome outcome;
    IpAddress address;
    int port;
    IpAddress local;
    int localPort;
    String user;
    boolean invalidUser;
    String method;
    String error;
    /** How many attempts the line stands for: N in rsyslog's "message repeated N times", else 1. */
    int repeats;

    /** Reads {@code [from, to)}; {@code lineFrom} is where the whole line starts, for columns. */
    void read(byte[] b, int lineFrom, int from, int to) {
        outcome = null;
        address = null;
        local = null;
        port = -1;
        localPort = -1;
        user = null;
        invalidUser = false;
        method = null;
        error = null;
        repeats = 1;
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (Ascii.regionMatches(b, from, to, "message repeated ")) {
            // rsyslog's "message repeated 5 times: [ Failed password ...]" stands for five more of
            // the line before: read as one event, a brute force of six tries looked like two.
            int open = Ascii.indexOf(b, "[ ", from, to);
            if (open < 0 || b[to - 1] != ']') {
                return;
            }
            int times = Ascii.indexOf(b, (byte) ' ', from + 17, open);
            long n = times < 0 ? -1 : Ascii.parseUnsigned(b, from + 17, times);
            repeats = n < 1 ? 1 : (int) Math.min(n, MAX_REPEATS);
            from = open + 2;
            to--;
        }
        if (Ascii.regionMatches(b, from, to, "error: ")) {
            from += 7;
        } else if (Ascii.regionMatches(b, from, to, "fatal: ")) {
            from += 7;
        }
        boolean preauth = Ascii.regionMatches(b, to - 10, to, " [preauth]");
        int end = preauth ? to - 10 : to;
        int at;
        if ((at = after(b, from, end, "Failed ")) >= 0) {
            authLine(b, lineFrom, at, end, Outcome.AUTH_FAILURE);
        } else if ((at = after(b, from, end, "Accepted ")) >= 0) {
            authLine(b, lineFrom, at, end, Outcome.AUTH_SUCCESS);
        } else if ((at = after(b, from, end, "Invalid user ")) >= 0 || (at = after(b, from, end, "Illegal user ")) >= 0) {
            invalidUser = true;
            userFrom(b, lineFrom, at, end, Outcome.AUTH_FAILURE);
        } else if ((at = after(b, from, end, "User ")) >= 0) {
            int because = Ascii.indexOf(b, " not allowed because ", at, end);
            if (because > 0) {
                userFrom(b, lineFrom, at, because, Outcome.AUTH_FAILURE);
            }
        } else if ((at = after(b, from, end, "maximum authentication attempts exceeded for ")) >= 0) {
            int userAt = after(b, at, end, "invalid user ");
            invalidUser = userAt >= 0;
            userFrom(b, lineFrom, invalidUser ? userAt : at, end, Outcome.PREAUTH_DISCONNECT);
        } else if ((at = after(b, from, end, "Did not receive identification string from ")) >= 0
                || (at = after(b, from, end, "Timeout before authentication for ")) >= 0
                || (at = after(b, from, end, "Unable to negotiate with ")) >= 0
                || (at = after(b, from, end, "banner exchange: Connection from ")) >= 0) {
            addressAt(b, lineFrom, at, end, Outcome.PREAUTH_DISCONNECT);
        } else if (after(b, from, end, "Bad protocol version identification ") >= 0) {
            int fromAt = Ascii.lastIndexOf(b, " from ", from, end);
            if (fromAt < 0) {
                error = "no ' from ' address in the line";
            } else {
                addressAt(b, lineFrom, fromAt + 6, end, Outcome.PREAUTH_DISCONNECT);
            }
        } else if (preauth && (at = after(b, from, end, "ssh_dispatch_run_fatal: Connection from ")) >= 0) {
            int colon = Ascii.indexOf(b, ": ", at, end);
            userThenAddress(b, lineFrom, at, colon < 0 ? end : colon);
        } else if (preauth && (at = after(b, from, end, "Received disconnect from ")) >= 0) {
            addressAt(b, lineFrom, at, end, Outcome.PREAUTH_DISCONNECT);
        } else if (preauth && ((at = after(b, from, end, "Connection closed by ")) >= 0
                || (at = after(b, from, end, "Connection reset by ")) >= 0
                || (at = after(b, from, end, "Disconnected from ")) >= 0)) {
            userThenAddress(b, lineFrom, at, end);
        } else if (preauth && (at = after(b, from, end, "Disconnecting ")) >= 0) {
            int colon = Ascii.indexOf(b, ": ", at, end);
            userThenAddress(b, lineFrom, at, colon < 0 ? end : colon);
        } else if (after(b, from, end, "reverse mapping checking getaddrinfo for ") >= 0) {
            int open = Ascii.lastIndexOf(b, (byte) '[', from, end);
            if (open < 0) {
                error = "no '[address]' in the BREAK-IN ATTEMPT line";
            } else {
                tailAt(b, lineFrom, open + 1, end, (byte) ']', Outcome.OTHER);
            }
        } else if ((at = after(b, from, end, "Address ")) >= 0 && Ascii.indexOf(b, "POSSIBLE BREAK-IN ATTEMPT", at, end) > 0) {
            addressAt(b, lineFrom, at, end, Outcome.OTHER);
        } else if (after(b, from, end, "refused connect from ") >= 0) {
            // tcp_wrappers refused the connection after accepting it: "refused connect from host (1.2.3.4)".
            int open = Ascii.lastIndexOf(b, (byte) '(', from, end);
            if (open < 0) {
                error = "no '(address)' in the refused connect line";
            } else {
                tailAt(b, lineFrom, open + 1, end, (byte) ')', Outcome.BLOCKED);
            }
        } else if ((at = after(b, from, end, "Connection from ")) >= 0) {
            connectionFrom(b, lineFrom, at, end);
        }
    }

    /** The index after {@code prefix} if the bytes at {@code at} start with it, else -1. */
    private static int after(byte[] b, int at, int to, String prefix) {
        return Ascii.regionMatches(b, at, to, prefix) ? at + prefix.length() : -1;
    }

    /** "password for [invalid user ]USER from ADDR port P ssh2..." after "Failed " or "Accepted ". */
    private void authLine(byte[] b, int lineFrom, int at, int to, Outcome result) {
        int forAt = Ascii.indexOf(b, " for ", at, to);
        if (forAt < 0) {
            error = "no ' for ' after the method at column " + (at - lineFrom + 1);
            return;
        }
        method = words.get(b, at, forAt);
        int userAt = after(b, forAt + 5, to, "invalid user ");
        invalidUser = userAt >= 0;
        userFrom(b, lineFrom, invalidUser ? userAt : forAt + 5, to, result);
    }

    /** "USER from ADDR[ port P]..."; the user may contain spaces, so the last " from " counts. */
    private void userFrom(byte[] b, int lineFrom, int at, int to, Outcome result) {
        int fromAt = Ascii.lastIndexOf(b, " from ", at, to);
        if (fromAt < 0) {
            error = "no ' from ' address after column " + (at - lineFrom + 1);
            return;
        }
        user = users.get(b, at, fromAt);
        addressAt(b, lineFrom, fromAt + 6, to, result);
    }

    /** "[authenticating user U |invalid user U |user U ]ADDR port P": the address is the token before " port ". */
    private void userThenAddress(byte[] b, int lineFrom, int at, int to) {
        int portAt = Ascii.lastIndexOf(b, " port ", at, to);
        int addrEnd = portAt < 0 ? to : portAt;
        int space = Ascii.lastIndexOf(b, (byte) ' ', at, addrEnd);
        int addrAt = space < 0 ? at : space + 1;
        if (addrAt > at) {
            int userAt = after(b, at, to, "authenticating user ");
            if (userAt < 0 && (userAt = after(b, at, to, "invalid user ")) >= 0) {
                invalidUser = true;
            }
            if (userAt < 0) {
                userAt = after(b, at, to, "user ");
            }
            user = userAt >= 0 && addrAt - 1 > userAt ? users.get(b, userAt, addrAt - 1) : null;
        }
        addressAt(b, lineFrom, addrAt, to, Outcome.PREAUTH_DISCONNECT);
    }

    /** "ADDR port P on LOCAL port Q" (LogLevel VERBOSE): a new TCP connection. */
    private void connectionFrom(byte[] b, int lineFrom, int at, int to) {
        if (!tail.read(b, lineFrom, at, to, (byte) 0)) {
            error = tail.error;
            return;
        }
        address = tail.address;
        port = tail.port;
        if (Ascii.regionMatches(b, tail.end, to, " on ") && tail.read(b, lineFrom, tail.end + 4, to, (byte) 0)) {
            local = tail.address;
            localPort = tail.port;
        }
        outcome = Outcome.CONNECTION;
    }

    private void addressAt(byte[] b, int lineFrom, int at, int to, Outcome result) {
        tailAt(b, lineFrom, at, to, (byte) 0, result);
    }

    private void tailAt(byte[] b, int lineFrom, int at, int to, byte stop, Outcome result) {
        if (!tail.read(b, lineFrom, at, to, stop)) {
            error = tail.error;
            return;
        }
        address = tail.address;
        port = tail.port;
        outcome = result;
    }
}
