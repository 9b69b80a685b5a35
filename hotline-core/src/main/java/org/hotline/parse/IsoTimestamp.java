package org.hotline.parse;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hotline.event.Event;

/**
 * Reads ISO-8601 / RFC 3339 date-times from bytes: {@code 2019-01-02T03:50:11.315110},
 * {@code 2015-03-29T11:01:38.221126-0600}, {@code 2022-01-19T14:23:55+00:00},
 * {@code 2018-05-06T17:44:05.866769Z} (a space may stand for the {@code T}). Any number of
 * fraction digits is accepted and cut to microseconds (milliseconds for {@link #parse}).
 *
 * <p>Hazard: a timestamp without an offset is read in the zone the caller gives (the input's
 * {@link FileContext#zone()}), because the log does not say which zone its clock was in; Suricata's
 * sample data and some Cowrie/Zeek set-ups write such times.
 */
public final class IsoTimestamp {
    private IsoTimestamp() {}

    /** Epoch milliseconds, or {@link Event#NO_TIME} if {@code [from, to)} is not such a timestamp. */
    public static long parse(byte[] b, int from, int to, ZoneId zoneIfNone) {
        long micros = parseMicros(b, from, to, zoneIfNone);
        return micros == Event.NO_TIME ? Event.NO_TIME : Math.floorDiv(micros, 1000L);
    }

    /**
     * Epoch microseconds, for differences finer than a millisecond (a flow's duration from its
     * start and end); {@link Event#NO_TIME} if the bytes are not such a timestamp.
     */
    public static long parseMicros(byte[] b, int from, int to, ZoneId zoneIfNone) {
        if (to - from < 19) {
            return Event.NO_TIME;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return Event.NO_TIME;
        }
        int i = from + 19;
        int micros = 0;
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            i++;
            int start = i;
            int scale = 100_000;
            while (i < to && Ascii.isDigit(b[i])) {
                micros += (b[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return Event.NO_TIME;
            }
        }
        long localSeconds = epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + Math.min(second, 59);
        long offsetSeconds;
        if (i == to) {
            offsetSeconds = offsetOf(zoneIfNone, year, month, day, hour, minute, second);
        } else if (b[i] == 'Z' && i + 1 == to) {
            offsetSeconds = 0;
        } else if ((b[i] == '+' || b[i] == '-') && (offsetSeconds = parseOffset(b, i, to)) != Integer.MIN_VALUE) {
            // offsetSeconds set by the condition
        } else {
            return Event.NO_TIME;
        }
        return (localSeconds - offsetSeconds) * 1_000_000L + micros;
    }

    /** "+hh:mm", "+hhmm" or "+hh" (or with '-') filling {@code [at, to)}, in seconds; MIN_VALUE if not. */
    static int parseOffset(byte[] b, int at, int to) {
        int sign = b[at] == '-' ? -1 : 1;
        int n = to - at - 1;
        if (n != 2 && n != 4 && n != 5) {
            return Integer.MIN_VALUE; // checked first: never read past the field
        }
        int h = digits(b, at + 1, 2);
        int m;
        if (n == 2) {
            m = 0;
        } else if (n == 4) {
            m = digits(b, at + 3, 2);
        } else if (n == 5 && b[at + 3] == ':') {
            m = digits(b, at + 4, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (h < 0 || h > 18 || m < 0 || m > 59) {
            return Integer.MIN_VALUE;
        }
        return sign * (h * 3600 + m * 60);
    }

    private static long offsetOf(ZoneId zone, int year, int month, int day, int hour, int minute, int second) {
        if (zone instanceof ZoneOffset fixed) {
            return fixed.getTotalSeconds();
        }
        if (zone.getRules().isFixedOffset()) {
            return zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        }
        return zone.getRules().getOffset(LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59)))
                .getTotalSeconds();
    }

    /** The value of {@code count} decimal digits at {@code at}, or -1. */
    public static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil). */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    public static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }
}
