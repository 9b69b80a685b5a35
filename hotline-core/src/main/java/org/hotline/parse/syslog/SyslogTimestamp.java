package org.hotline.parse.syslog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hotline.parse.FileContext;
import org.hotline.parse.IsoTimestamp;

/**
 * Turns a classic BSD syslog timestamp ({@code May 17 10:05:03}, {@code Jun  4 ...},
 * {@code Nov 2 ...}) into epoch milliseconds. The line carries neither year nor zone: the zone is
 * {@link FileContext#zone()}; the year is anchored on the input's first syslog line, whose year is
 * {@link FileContext#forcedYear()} if given, else the latest year that puts it at or before
 * {@link FileContext#referenceTime()} plus one day. Every line then takes the first year, from the
 * anchor's on, that puts it no more than a day before the anchor: a file that runs past New Year
 * moves on to the next year, and a file is never split between two years.
 *
 * <p>The rule needs only the input's first lines ({@link FileContext#head()}), not the line before,
 * so any block of a file can still be parsed by any worker. It was once per line (each line the
 * latest year not after the reference time): a log copied without its time (cp, scp) that spanned
 * the copy's calendar date was cut in two, its later lines a year before its earlier ones, and the
 * attacks across the cut were lost. Its hazard now: a file spanning more than a year gets wrong
 * years, and a copied file may get a year too late; the report states the rule used. Without a
 * syslog line in the head, each line falls back to the per-line rule.
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
    /** Hour start of the anchor line minus a day, and its year; -1 and 0 without an anchor. */
    private final long anchorFloor;
    private final int anchorYear;

    private int cachedKey = -1;
    private long cachedHourStart;

    /** Where the last {@link #parse} stopped: the index just after the seconds. */
    private int end;

    public SyslogTimestamp(FileContext context) {
        this.zone = context.zone();
        this.forcedYear = context.forcedYear();
        this.limit = context.referenceTime() + DAY_MILLIS;
        this.limitYear = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(limit), zone).getYear();
        long anchor = -1;
        for (String line : context.head()) {
            byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
            int from = 0;
            if (b.length > 0 && b[0] == '<') {   // a network receiver's <PRI>
                int close = line.indexOf('>');
                from = close > 0 && close < 5 ? close + 1 : 0;
            }
            anchor = parse(b, from, b.length);   // by the per-line rule: the anchor fields are not set yet
            if (anchor >= 0) {
                break;
            }
        }
        cachedKey = -1;
        // Lines are compared at their hour's start (see hourStart), hence the hour more.
        this.anchorFloor = anchor < 0 ? -1 : anchor - DAY_MILLIS - 3_600_000L;
        this.anchorYear = anchor < 0 ? 0 : ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(anchor), zone).getYear();
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
        if (anchorYear > 0) {
            // Feb 29 may need to go on up to eight years to find a leap year.
            for (int year = anchorYear; year <= anchorYear + 8; year++) {
                if (day <= IsoTimestamp.daysInMonth(year, month)) {
                    long candidate = millis(year, month, day, hour);
                    if (candidate >= anchorFloor) {
                        result = candidate;
                        break;
                    }
                }
            }
        } else if (forcedYear > 0) {
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
