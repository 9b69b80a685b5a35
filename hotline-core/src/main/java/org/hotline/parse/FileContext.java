package org.hotline.parse;

import java.time.ZoneId;
import java.util.List;

/**
 * What a parser may know about the whole input before it sees a line.
 *
 * @param name          the input's name, for {@link org.hotline.event.InputPosition}
 * @param forcedYear    the year given with {@code --year}, or 0
 * @param referenceTime epoch millis the input's timestamps cannot be later than: the file's mtime
 *                      (or now for stdin). The first syslog line without a year takes the latest
 *                      year that puts it at or before this time (plus a day of clock slack), and
 *                      the lines after it follow on from there (see SyslogTimestamp)
 * @param zone          zone for timestamps that carry none (syslog); UTC unless {@code --timezone}
 * @param head          the first lines of the input (up to a few hundred), for headers such as
 *                      Zeek's {@code #fields} and for format detection
 */
public record FileContext(String name, int forcedYear, long referenceTime, ZoneId zone, List<String> head) {
    public FileContext {
        head = List.copyOf(head);
    }

    /** How the year of year-less timestamps is decided, for the report's method section. */
    public String yearRule() {
        return (forcedYear > 0
                ? "year " + forcedYear + " from --year for the first line"
                : "year inferred: the first line's is the latest not after the input's modification time (for"
                        + " standard input, the time of reading)")
                + "; later lines follow it, into the next year after New Year";
    }
}
