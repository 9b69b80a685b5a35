package org.hotline.detect;

import java.time.Duration;
import org.hotline.InputException;

/**
 * One tunable threshold of a detector: its name (as in {@code --detect brute-force.failures=10}),
 * default, allowed range, unit and a one-line description, so {@code hotline detectors} and the
 * report's method section can print every rule with the value it ran with.
 *
 * <p>Values are whole numbers: a count, or a duration held in milliseconds and written with a unit
 * ({@code 90s}, {@code 10m}, {@code 1h}, {@code 1d}). A bare number is refused for a duration, so
 * "10" never silently means seconds to one reader and minutes to another.
 *
 * @param name         lower-case, hyphenated, unique within its detector
 * @param kind         count or duration
 * @param defaultValue the default (milliseconds for a duration)
 * @param min          smallest allowed value, inclusive
 * @param max          largest allowed value, inclusive
 * @param unit         what a count counts ("failed logins", "distinct ports"); "duration" for durations
 * @param description  one line: what the parameter decides and where its default comes from
 */
public record DetectorParameter(String name, Kind kind, long defaultValue, long min, long max, String unit,
                                String description) {

    /** Whether a value is a plain count or a duration. */
    public enum Kind { COUNT, DURATION }

    public DetectorParameter {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter name must be lower-case and hyphenated: " + name);
        }
        if (kind == null || unit == null || description == null) {
            throw new IllegalArgumentException(name + ": kind, unit and description are required");
        }
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    public static DetectorParameter count(String name, long defaultValue, long min, long max, String unit,
                                          String description) {
        return new DetectorParameter(name, Kind.COUNT, defaultValue, min, max, unit, description);
    }

    public static DetectorParameter duration(String name, Duration defaultValue, Duration min, Duration max,
                                             String description) {
        return new DetectorParameter(name, Kind.DURATION, defaultValue.toMillis(), min.toMillis(), max.toMillis(),
                "duration", description);
    }

    /**
     * Reads a value given on the command line, checking its range.
     *
     * @param qualified the name as the user wrote it ("brute-force.failures"), for the message
     * @throws InputException naming the value and the rule: {@code brute-force.failures=0: must be > 0}
     */
    public long parse(String qualified, String text) {
        String where = qualified + "=" + text;
        long value = kind == Kind.COUNT ? parseCount(where, text) : parseDuration(where, text);
        if (value < min) {
            throw new InputException(where + ": must be " + (min == 1 && kind == Kind.COUNT ? "> 0" : ">= " + format(min)));
        }
        if (value > max) {
            throw new InputException(where + ": must be <= " + format(max));
        }
        return value;
    }

    /** The value as a user would write it: "5", or the largest whole unit of a duration ("10m"). */
    public String format(long value) {
        if (kind == Kind.COUNT) {
            return Long.toString(value);
        }
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (value % sizes[i] == 0) {
                return value / sizes[i] + units[i];
            }
        }
        return value + "ms";
    }

    private static long parseCount(String where, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(where + ": not a whole number");
        }
    }

    private static long parseDuration(String where, String text) {
        String t = text.trim();
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            throw new InputException(where + ": not a duration; write a whole number and a unit (s, m, h or d), e.g. 10m");
        }
        long number = Long.parseLong(t.substring(0, digits));
        switch (t.substring(digits)) {
            case "s": return number * 1_000L;
            case "m": return number * 60_000L;
            case "h": return number * 3_600_000L;
            case "d": return number * 86_400_000L;
            case "": throw new InputException(where + ": a duration needs a unit (s, m, h or d), e.g. " + number + "m");
            default: throw new InputException(where + ": unknown unit '" + t.substring(digits) + "'; use s, m, h or d");
        }
    }
}
