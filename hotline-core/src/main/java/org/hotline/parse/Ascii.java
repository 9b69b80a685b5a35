package org.hotline.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hotline.source.ByteLanes;

/**
 * Reading ASCII text straight from a line's bytes, without decoding the line to a String first:
 * the text parsers (access log, syslog, netfilter, Zeek TSV) find fields and numbers with these
 * and build Strings only for the fields an event keeps.
 *
 * <p>Every method works on a half-open range {@code [from, to)} and never reads outside it, so a
 * truncated or binary line can make a lookup fail but never throw.
 */
public final class Ascii {
    /** Returned by the number readers when the bytes are not a number of the expected shape. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private Ascii() {}

    /**
     * Index of the first {@code a} or {@code b} in {@code [from, to)}, or -1. Reads eight bytes at a
     * time (SWAR: a byte equal to the target becomes a zero byte after XOR, and
     * {@code (x - 0x01..) & ~x & 0x80..} marks the lowest zero byte exactly), because scanning the
     * quoted fields of access-log lines for their closing quote is the parser's main cost.
     */
    public static int indexOfEither(byte[] bytes, byte a, byte b, int from, int to) {
        long pa = (a & 0xffL) * ONES;
        long pb = (b & 0xffL) * ONES;
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            long xa = word ^ pa;
            long xb = word ^ pb;
            long hit = ((xa - ONES) & ~xa | (xb - ONES) & ~xb) & HIGHS;
            if (hit != 0) {
                return i + ByteLanes.firstMarked(hit);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == a || bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first {@code target} in {@code [from, to)}, or -1. */
    public static int indexOf(byte[] b, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last {@code target} in {@code [from, to)}, or -1. */
    public static int lastIndexOf(byte[] b, byte target, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first occurrence of the ASCII {@code text} in {@code [from, to)}, or -1. */
    public static int indexOf(byte[] b, String text, int from, int to) {
        int n = text.length();
        char first = text.charAt(0);
        for (int i = from, last = to - n; i <= last; i++) {
            if (b[i] == first && regionMatches(b, i, to, text)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last occurrence of the ASCII {@code text} in {@code [from, to)}, or -1. */
    public static int lastIndexOf(byte[] b, String text, int from, int to) {
        for (int i = to - text.length(); i >= from; i--) {
            if (regionMatches(b, i, to, text)) {
                return i;
            }
        }
        return -1;
    }

    /** True if the bytes at {@code at} (and before {@code to}) spell {@code text}. */
    public static boolean regionMatches(byte[] b, int at, int to, String text) {
        int n = text.length();
        if (at < 0 || at + n > to) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[at + k] != (byte) text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code [from, to)} is exactly {@code text}. */
    public static boolean equals(byte[] b, int from, int to, String text) {
        return to - from == text.length() && regionMatches(b, from, to, text);
    }

    /** An unsigned decimal of 1 to 18 digits filling {@code [from, to)}, or {@link #NOT_A_NUMBER}. */
    public static long parseUnsigned(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** A port number (0 to 65535) filling {@code [from, to)}, or -1. */
    public static int parsePort(byte[] b, int from, int to) {
        long v = parseUnsigned(b, from, to);
        return v < 0 || v > 65535 ? -1 : (int) v;
    }

    /**
     * A non-negative decimal with an optional fraction ("1329843175.736107", "0.112432") scaled
     * to thousandths, rounding down; {@link #NOT_A_NUMBER} if the bytes are anything else.
     */
    public static long parseThousandths(byte[] b, int from, int to) {
        int dot = indexOf(b, (byte) '.', from, to);
        int intEnd = dot < 0 ? to : dot;
        long whole = parseUnsigned(b, from, intEnd);
        if (whole == NOT_A_NUMBER || whole > Long.MAX_VALUE / 1000) {
            return NOT_A_NUMBER;
        }
        long fraction = 0;
        if (dot >= 0) {
            if (dot + 1 == to) {
                return NOT_A_NUMBER;
            }
            int scale = 100;
            for (int i = dot + 1; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return NOT_A_NUMBER;
                }
                fraction += d * scale;
                scale /= 10;
            }
        }
        return whole * 1000 + fraction;
    }

    public static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The bytes as a String (UTF-8; invalid sequences become U+FFFD). */
    public static String string(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** The bytes for a reason text: at most 40 of them, with non-printable ones shown as \xhh. */
    public static String excerpt(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(to, from + 40);
        for (int i = from; i < end; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        if (end < to) {
            sb.append("...");
        }
        return sb.toString();
    }
}
