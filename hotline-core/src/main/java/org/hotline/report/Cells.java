package org.hotline.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hotline.Printable;

/**
 * How the human-readable formats (terminal, HTML) spell numbers, times and log text: one place,
 * so the same value reads the same in both. Unknown values print as "-", never as 0.
 */
public final class Cells {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Cells() {}

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 address", "2 addresses": a count with its noun in the right number. */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    public static String percent(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Decimal units (kB = 1000 bytes), as network tools count traffic. */
    public static String bytes(Long b) {
        if (b == null) {
            return "-";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = b;
        int u = 0;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** UTC to the minute: what a table needs; the JSON keeps the full precision. */
    public static String time(Instant t) {
        return t == null ? "-" : MINUTES.format(t);
    }

    public static String orDash(Object o) {
        return o == null ? "-" : clean(o.toString());
    }

    /**
     * Log text made safe to print: control characters (which could move a terminal's cursor or
     * recolour it) and bidirectional overrides (which can make text read differently from what it
     * is) become '?'. Everything from a log line is attacker-controlled.
     */
    public static String clean(String s) {
        return s == null ? "-" : clean(s, "");
    }

    /**
     * A whole text, its line breaks kept, made safe as {@link #clean} makes one line: for a page of
     * the terminal report, whose every text may come from a saved report someone else wrote.
     */
    public static String cleanLines(String s) {
        return clean(s, "\n");
    }

    /** A CSV field's text: as {@link #cleanLines}, with carriage returns kept too (RFC 4180 records end in CRLF). */
    static String cleanField(String s) {
        return clean(s, "\r\n");
    }

    private static String clean(String s, String kept) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Printable.misleads(c) && kept.indexOf(c) < 0;
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '?' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
