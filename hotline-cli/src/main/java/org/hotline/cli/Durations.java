package org.hotline.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people type them on a command line: {@code 24h}, {@code 7d}, {@code 90m}, or ISO-8601 {@code PT24H}. */
final class Durations {
    private Durations() {}

    static Duration parse(String option, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration (e.g. 24h, 7d, 90m, PT24H)");
        }
    }

    /** The largest unit that shows the duration exactly (a 1s deadline was shown as "0d"); ISO-8601 below a second. */
    static String format(Duration d) {
        if (d.getNano() != 0) {
            return d.toString();
        }
        long s = d.getSeconds();
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3_600 == 0 ? s / 3_600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
