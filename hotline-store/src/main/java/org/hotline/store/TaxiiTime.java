package org.hotline.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.hotline.channel.UtcInstants;

/**
 * TAXII timestamps as microseconds since the epoch: the unit of {@code date_added} (medallion writes
 * six fractional digits) and fine enough to compare STIX versions, which carry milliseconds and now
 * and then microseconds. Finer digits are cut off, so two versions of one object that differ only
 * below a microsecond count as one.
 */
public final class TaxiiTime {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TaxiiTime() {}

    /** Whole microseconds since the epoch, rounded down: {@code t} is after {@code x} iff micros(t) > micros(x) at that precision. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Parses an RFC 3339 UTC timestamp ("2016-11-03T12:30:59.000Z", seconds to nanoseconds); throws naming it. */
    public static long parseMicros(String text) {
        try {
            return micros(UtcInstants.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an RFC 3339 UTC timestamp: '" + text + "'", e);
        }
    }

    /** "2016-11-03T12:30:59.001000Z": the form medallion writes in {@code date_added} and its headers. */
    public static String format(long micros) {
        return MICROS.format(instant(micros));
    }

    public static String format(Instant t) {
        return format(micros(t));
    }
}
