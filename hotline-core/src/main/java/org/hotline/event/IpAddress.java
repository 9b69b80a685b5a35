package org.hotline.event;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address held as two numbers, never as text: IPv4 is stored in its IPv4-mapped
 * IPv6 form ({@code ::ffff:a.b.c.d}), so one comparison and one hash serve both families.
 *
 * <p>Two ways in, after OkHttp's {@code HttpUrl.get}/{@code parse}: {@link #parse(String)} throws on
 * bad input (for configuration and CLI arguments), {@link #parseOrNull(byte[], int, int)} returns
 * {@code null} (for the hot path over untrusted log text, where a bad address is data, not an error).
 *
 * <p>Hazard: an IPv4 address and the same address written as {@code ::ffff:1.2.3.4} are equal by
 * design; a log that writes the mapped form means the IPv4 client.
 */
public record IpAddress(long high, long low) implements Comparable<IpAddress> {

    private static final long V4_MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

    public static IpAddress ofV4(int bits) {
        return new IpAddress(0L, V4_MAPPED_PREFIX | (bits & 0xffff_ffffL));
    }

    /** Parses dotted IPv4 or any RFC 4291 text form of IPv6; throws with the reason otherwise. */
    public static IpAddress parse(String text) {
        IpAddress ip = parseOrNull(text);
        if (ip == null) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        return ip;
    }

    /** Like {@link #parse(String)} but returns {@code null} for anything that is not an address. */
    public static IpAddress parseOrNull(CharSequence text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n == 0 || n > 45) {
            return null;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return null;
            }
            b[i] = (byte) c;
        }
        return parseOrNull(b, 0, n);
    }

    /**
     * Parses the ASCII bytes {@code [from, to)}; returns {@code null} if they are not exactly one
     * address. Allocation-free apart from the result. A zone id ({@code fe80::1%eth0}) is dropped.
     */
    public static IpAddress parseOrNull(byte[] b, int from, int to) {
        if (to - from < 2 || to - from > 45) {
            return null;
        }
        boolean colon = false;
        for (int i = from; i < to; i++) {
            if (b[i] == ':') {
                colon = true;
                break;
            }
        }
        if (!colon) {
            long v4 = parseV4(b, from, to);
            return v4 < 0 ? null : ofV4((int) v4);
        }
        return parseV6(b, from, to);
    }

    /** Returns the address as an unsigned 32-bit value, or -1 if the bytes are not a dotted quad. */
    static long parseV4(byte[] b, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int value = 0;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                value = value * 10 + (b[i] - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return -1;
                }
            }
            // A leading zero ("010") is octal to some parsers and decimal to others: refuse it.
            if (digits == 0 || value > 255 || (digits > 1 && b[i - digits] == '0')) {
                return -1;
            }
            result = (result << 8) | value;
            octets++;
            if (i == to) {
                break;
            }
            if (b[i] != '.' || octets == 4) {
                return -1;
            }
            i++;
            if (i == to) {
                return -1;
            }
        }
        return octets == 4 ? result : -1;
    }

    private static IpAddress parseV6(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '%') {
                to = i;
                break;
            }
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (i + 1 < to && b[i] == ':' && b[i + 1] == ':') {
            gap = 0;
            i += 2;
            if (i == to) {
                return new IpAddress(0, 0);
            }
        } else if (b[i] == ':') {
            return null;
        }
        while (i < to) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && hex(b[i]) >= 0) {
                value = (value << 4) | hex(b[i]);
                i++;
            }
            if (i < to && b[i] == '.') {
                // Embedded IPv4 in the last 32 bits, e.g. ::ffff:192.0.2.1
                long v4 = parseV4(b, start, to);
                if (v4 < 0 || count > 6) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = to;
                break;
            }
            if (i == start || i - start > 4) {
                return null;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (b[i] != ':') {
                return null;
            }
            i++;
            if (i < to && b[i] == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == to) {
                return null;
            }
        }
        if (gap < 0 && count != 8) {
            return null;
        }
        if (gap >= 0) {
            if (count == 8) {
                return null;
            }
            int move = count - gap;
            System.arraycopy(groups, gap, groups, 8 - move, move);
            for (int k = gap; k < 8 - move; k++) {
                groups[k] = 0;
            }
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | groups[k];
            lo = (lo << 16) | groups[k + 4];
        }
        return new IpAddress(hi, lo);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    public static IpAddress of(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            return ofV4(((raw[0] & 0xff) << 24) | ((raw[1] & 0xff) << 16) | ((raw[2] & 0xff) << 8) | (raw[3] & 0xff));
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 8; k++) {
            hi = (hi << 8) | (raw[k] & 0xff);
            lo = (lo << 8) | (raw[k + 8] & 0xff);
        }
        return new IpAddress(hi, lo);
    }

    public boolean isV4() {
        return high == 0 && (low >>> 32) == 0xffffL;
    }

    /** The 32 address bits of an IPv4 address; only meaningful when {@link #isV4()}. */
    public int v4Bits() {
        return (int) low;
    }

    /** 4 bytes for IPv4, 16 for IPv6: the form {@link InetAddress} and mmdb readers take. */
    public byte[] toBytes() {
        if (isV4()) {
            int v = v4Bits();
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        byte[] out = new byte[16];
        for (int k = 0; k < 8; k++) {
            out[k] = (byte) (high >>> (56 - 8 * k));
            out[k + 8] = (byte) (low >>> (56 - 8 * k));
        }
        return out;
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always accepted", e);
        }
    }

    /** The /24 (IPv4) or /48 (IPv6) network this address belongs to, the unit "distinct networks" counts. */
    public IpAddress network() {
        return isV4() ? ofV4(v4Bits() & 0xffff_ff00) : new IpAddress(high & 0xffff_ffff_ffff_0000L, 0);
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public int hashCode() {
        long h = high * 0x9E37_79B9_7F4A_7C15L ^ low;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress ip && ip.high == high && ip.low == low;
    }

    /** Dotted quad for IPv4; RFC 5952 canonical text (lower case, longest zero run as ::) for IPv6. */
    @Override
    public String toString() {
        if (isV4()) {
            int v = v4Bits();
            return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
        }
        int[] g = new int[8];
        for (int k = 0; k < 4; k++) {
            g[k] = (int) ((high >>> (48 - 16 * k)) & 0xffff);
            g[k + 4] = (int) ((low >>> (48 - 16 * k)) & 0xffff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int k = 0; k < 8; ) {
            if (g[k] != 0) {
                k++;
                continue;
            }
            int s = k;
            while (k < 8 && g[k] == 0) {
                k++;
            }
            if (k - s > bestLen) {
                bestStart = s;
                bestLen = k - s;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                sb.append("::");
                k += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[k]));
        }
        return sb.toString();
    }
}
