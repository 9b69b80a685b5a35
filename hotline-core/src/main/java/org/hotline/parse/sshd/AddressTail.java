package org.hotline.parse.sshd;

import org.hotline.event.IpAddress;
import org.hotline.parse.Ascii;

/**
 * Reads the "{@code 1.2.3.4 port 22}" part sshd writes after "from", "by" and "with": the address
 * (IPv4, IPv6, or a host name when sshd runs with {@code UseDNS yes}), then an optional port.
 *
 * <p>A host name is not an error: the event is kept with a null source, since it cannot be
 * attributed. Anything else where an address belongs (a cut-off "202.109.1") is malformed.
 * Mutable and reused; not thread-safe.
 */
final class AddressTail {
    IpAddress address;
    int port;
    /** Index after the address, or after the port when there is one. */
    int end;
    String error;

    /**
     * Reads an address token starting at {@code at}; it ends at a space, at {@code stop} (a byte
     * that closes it, such as ')' or ']', or 0 for none) or at the end. A trailing ':' is dropped
     * ("Received disconnect from 1.2.3.4: 11: ...").
     */
    boolean read(byte[] b, int lineFrom, int at, int to, byte stop) {
        error = null;
        port = -1;
        address = null;
        int tokenEnd = at;
        while (tokenEnd < to && b[tokenEnd] != ' ' && b[tokenEnd] != stop) {
            tokenEnd++;
        }
        int addrEnd = tokenEnd;
        if (addrEnd > at && b[addrEnd - 1] == ':' && IpAddress.parseOrNull(b, at, addrEnd) == null) {
            addrEnd--;
        }
        if (addrEnd == at) {
            return fail("no address at column " + (at - lineFrom + 1));
        }
        address = IpAddress.parseOrNull(b, at, addrEnd);
        if (address == null && !isHostName(b, at, addrEnd)) {
            return fail("'" + Ascii.excerpt(b, at, addrEnd) + "' at column " + (at - lineFrom + 1) + " is not an address");
        }
        end = tokenEnd;
        if (Ascii.regionMatches(b, tokenEnd, to, " port ")) {
            int p = tokenEnd + 6;
            int q = p;
            while (q < to && Ascii.isDigit(b[q])) {
                q++;
            }
            port = Ascii.parsePort(b, p, q);
            if (port < 0) {
                return fail("bad port at column " + (p - lineFrom + 1));
            }
            end = q;
        }
        return true;
    }

    /** A DNS name: letters, digits, '-', '.', with at least one letter and one dot or letter run. */
    private static boolean isHostName(byte[] b, int from, int to) {
        boolean letter = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (Ascii.isLetter(c)) {
                letter = true;
            } else if (!Ascii.isDigit(c) && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return letter;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }
}
