package org.hotline.parse.syslog;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hotline.parse.FileContext;
import org.hotline.parse.IsoTimestamp;

/**
 * Turns a classic BSD syslog timestamp ({@code May 17 10:05:03}, {@code Jun  4 ...},
 * {@code Nov 2 ...}) into epoch milliseconds. The line carries neither year nor zone: the zone is
 * {@link FileContext#zone()}, the year is {@link FileContext#forcedYear()} if given, else the
 * latest year that puts the time at or before {@link FileContext#referenceTime()} plus one day.
 *
 * <p>That rule is stateless (it needs no earlier line), so any block of a file can be parsed by any
 * worker, and a December line in a file written in January lands in the previous year. Its hazard:
 * a file spanning more than a year, or copied (new mtime) long after it was written without
 * {@code --year}, gets wrong years; the report states the rule used.
 *
 * <p>Not thread-safe (it caches the last hour it converted); one per parser.
 */
public final class SyslogTimestamp {
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final ZoneId zone;
    private final int forcedYear;
    private final long limit;
    private final int limitYear;

    private int cachedKey = -1;
    private long cachedHourStart;

    /** Where the last {@link #parse} stopped: the index just after the seconds. */
    private int end;

    public SyslogTimestamp(FileContext context) {
        this.zone = context.zone();
        this.forcedYear = context.forcedYear();
        this.limit = context.referenceTime() + DAY_MILLIS;
        this.limitYear = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(limit), zone).getYear();
    }

    /**
     * Reads "Mmm d hh:mm:ss" starting at {@code from}; returns epoch millis, or -1 if the bytes are
     * not such a timestamp. After success {@link #end()} is the index after the seconds.
     */
    public long parse(byte[] b, int from, int to) {
        if (to - from < 14) {
            return -1;
        }
        int month = month(b, from);
        if (month < 0 || b[from + 3] != ' ') {
            return -1;
        }
        int i = from + 4;
        if (b[i] == ' ') {
            i++;
        }
        int day = 0;
        int dayDigits = 0;
        while (i < to && dayDigits < 2 && b[i] >= '0' && b[i] <= '9') {
            day = day * 10 + (b[i] - '0');
            dayDigits++;
            i++;
        }
        if (dayDigits == 0 || day < 1 || day > 31 || i + 9 > to || b[i] != ' ') {
            return -1;
        }
        i++;
        int hour = IsoTimestamp.digits(b, i, 2);
        int minute = IsoTimestamp.digits(b, i + 3, 2);
        int second = IsoTimestamp.digits(b, i + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || b[i + 2] != ':' || b[i + 5] != ':') {
            return -1;
        }
        end = i + 8;
        long hourStart = hourStart(month, day, hour);
        return hourStart < 0 ? -1 : hourStart + (minute * 60L + Math.min(second, 59)) * 1000L;
    }

    public int end() {
        return end;
    }

    /** Epoch millis of the start of that hour in the year the rule picks; -1 if no year has that date. */
    private long hourStart(int month, int day, int hour) {
        int key = (month * 32 + day) * 24 + hour;
        if (key == cachedKey) {
            return cachedHourStart;
        }
        long result = -1;
        if (forcedYear > 0) {
            result = day <= IsoTimestamp.daysInMonth(forcedYear, month) ? millis(forcedYear, month, day, hour) : -1;
        } else {
            // Feb 29 may need to go back up to eight years to find a leap year.
            for (int year = limitYear; year >= limitYear - 8; year--) {
                if (day > IsoTimestamp.daysInMonth(year, month)) {
                    continue;
                }
                // Compared at the hour's start, so the cache can hold whole hours: a line within the
                // hour after the limit still counts as "at or before" it, an error of under an hour.
                long candidate = millis(year, month, day, hour);
                if (candidate <= limit) {
                    result = candidate;
                    break;
                }
            }
        }
        cachedKey = key;
        cachedHourStart = result;
        return result;
    }

    private long millis(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(zone).toInstant().toEpochMilli();
    }

    private static int month(byte[] b, int at) {
        for (int m = 0; m < 12; m++) {
            if (b[at] == MONTHS.charAt(m * 3) && b[at + 1] == MONTHS.charAt(m * 3 + 1) && b[at + 2] == MONTHS.charAt(m * 3 + 2)) {
                return m + 1;
            }
        }
        return -1;
    }
}
