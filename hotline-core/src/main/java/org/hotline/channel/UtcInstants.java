package org.hotline.channel;

import java.time.Instant;
import org.hotline.parse.IsoTimestamp;

/**
 * {@link Instant#parse}, faster for the one form STIX and TAXII write: {@code yyyy-MM-ddTHH:mm:ssZ}
 * with an optional fraction of one to nine digits, in range (month 1-12, a day of that month, hour
 * 0-23, minute and second 0-59). Such a text is converted by hand to the instant {@code Instant.parse}
 * gives for it; any other text (lower case, a leap second, more digits, an offset, garbage) goes to
 * {@code Instant.parse} itself, so results and exceptions are always exactly its own. Ingest parses
 * several timestamps per object received (validation, versions, signed forms), and
 * {@code DateTimeFormatter} was 6% of its CPU.
 */
public final class UtcInstants {
    private UtcInstants() {}

    /** As {@link Instant#parse}; throws its {@link java.time.format.DateTimeParseException} on the same texts. */
    public static Instant parse(CharSequence text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int nanos = fraction(text, 19, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= IsoTimestamp.daysInMonth(year, month) && hour >= 0
                    && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && nanos >= 0) {
                return Instant.ofEpochSecond(IsoTimestamp.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** {@code [from, to)}: empty (0) or '.' and 1-9 digits (nanoseconds); -1 otherwise. */
    private static int fraction(CharSequence t, int from, int to) {
        if (from == to) {
            return 0;
        }
        int digits = to - from - 1;
        if (t.charAt(from) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int v = digits(t, from + 1, digits);
        for (int k = digits; v >= 0 && k < 9; k++) {
            v *= 10;
        }
        return v;
    }

    /** The value of {@code count} ASCII digits at {@code at}, or -1. */
    private static int digits(CharSequence t, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            char c = t.charAt(at + k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
