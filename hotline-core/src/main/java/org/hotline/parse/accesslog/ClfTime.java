package org.hotline.parse.accesslog;

import java.util.Arrays;
import org.hotline.parse.IsoTimestamp;

/**
 * Reads the Common Log Format time {@code 17/May/2015:10:05:03 +0000} (the part inside the
 * brackets) into epoch milliseconds, with no java.time and no allocation on the hot path.
 *
 * <p>Busy logs repeat the same second many times and the same day thousands of times, so it keeps
 * the last text it read and the last day's start: a repeated second costs one 26-byte compare, a
 * new second in the same day a few multiplications.
 *
 * <p>Not thread-safe; one per parser instance.
 */
final class ClfTime {
    static final int LENGTH = 26;
    static final long INVALID = Long.MIN_VALUE;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final byte[] lastText = new byte[LENGTH];
    private long lastMillis = INVALID;
    private final byte[] lastDay = new byte[11 + 6];
    private long lastDayStartSeconds;
    private boolean haveDay;

    /** Epoch millis for the 26 bytes at {@code from}, or {@link #INVALID} if they are not a CLF time. */
    long parse(byte[] b, int from) {
        if (lastMillis != INVALID && Arrays.equals(lastText, 0, LENGTH, b, from, from + LENGTH)) {
            return lastMillis;
        }
        // dd/Mon/yyyy:HH:mm:ss +zzzz
        if (b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':' || b[from + 14] != ':'
                || b[from + 17] != ':' || b[from + 20] != ' ' || (b[from + 21] != '+' && b[from + 21] != '-')) {
            return INVALID;
        }
        int hour = IsoTimestamp.digits(b, from + 12, 2);
        int minute = IsoTimestamp.digits(b, from + 15, 2);
        int second = IsoTimestamp.digits(b, from + 18, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return INVALID;
        }
        long dayStart = dayStartSeconds(b, from);
        if (dayStart == Long.MIN_VALUE) {
            return INVALID;
        }
        long millis = (dayStart + hour * 3600L + minute * 60L + Math.min(second, 59)) * 1000L;
        System.arraycopy(b, from, lastText, 0, LENGTH);
        lastMillis = millis;
        return millis;
    }

    /** UTC epoch seconds at local midnight of the date, corrected by the line's offset. */
    private long dayStartSeconds(byte[] b, int from) {
        // The key is the date (11 bytes) plus the offset (5 bytes), which is all the day start depends on.
        if (haveDay && Arrays.equals(lastDay, 0, 11, b, from, from + 11)
                && Arrays.equals(lastDay, 11, 16, b, from + 21, from + 26)) {
            return lastDayStartSeconds;
        }
        int day = IsoTimestamp.digits(b, from, 2);
        int month = month(b, from + 3);
        int year = IsoTimestamp.digits(b, from + 7, 4);
        int offH = IsoTimestamp.digits(b, from + 22, 2);
        int offM = IsoTimestamp.digits(b, from + 24, 2);
        if (day < 1 || month < 1 || year < 0 || day > IsoTimestamp.daysInMonth(year, month)
                || offH < 0 || offH > 18 || offM < 0 || offM > 59) {
            return Long.MIN_VALUE;
        }
        int offset = (offH * 3600 + offM * 60) * (b[from + 21] == '-' ? -1 : 1);
        long start = IsoTimestamp.epochDay(year, month, day) * 86400L - offset;
        System.arraycopy(b, from, lastDay, 0, 11);
        System.arraycopy(b, from + 21, lastDay, 11, 5);
        lastDayStartSeconds = start;
        haveDay = true;
        return start;
    }

    private static int month(byte[] b, int at) {
        for (int m = 0; m < 12; m++) {
            int k = m * 3;
            if (b[at] == MONTHS.charAt(k) && b[at + 1] == MONTHS.charAt(k + 1) && b[at + 2] == MONTHS.charAt(k + 2)) {
                return m + 1;
            }
        }
        return -1;
    }
}
