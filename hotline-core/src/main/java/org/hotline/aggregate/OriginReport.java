package org.hotline.aggregate;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code hotline analyze} found, as one immutable tree: the report every writer renders, and —
 * serialised as it stands, field names and order unchanged — the public JSON document that scripts
 * rely on ({@code --json}). <b>Renaming, removing or retyping a component breaks users</b>; add new
 * components instead, and bump {@link #SCHEMA} only for an incompatible change.
 *
 * <p>JSON conventions: lowerCamelCase names; every field is always present; unknown values are
 * {@code null}, never a made-up 0 (a country that no database knows is {@code "country": null}, bytes
 * the logs did not give are {@code "bytes": null}); times are ISO-8601 UTC strings
 * ({@code "2015-05-17T10:05:03Z"}); percentages are numbers from 0 to 100 rounded to two decimals,
 * {@code null} when the denominator is 0; counts are exact.
 *
 * <p>Top level (see each record for its fields):
 * <pre>
 * schema     "hotline.origin-report/1"
 * run        version, generatedAt, timeZone, settings (command line, detector thresholds)
 * input      per input file: format, lines, parsed, ignored, skipped, firstSkipped [{line, reason}], timeRule, error
 * databases  per database: role, name, layout, buildDate, sha256, entries, source (with licence and attribution)
 * warnings   what a reader must see first
 * events     all parsed events: total, …, byCountry [{country, events, sources, bytes, …Percent}]
 * attacks    detected attacks: total, origin (the headline basis), byCountry, byAsn, byType, byTarget,
 *            overTime, topSources, and the side tables anonymised, nonRoutable, unverified, reflected
 * caveats    method and caveats: statements, units, confidence grades, source shares, time window
 * </pre>
 *
 * <p>The headline ({@code attacks.byCountry}, {@code attacks.byAsn}, their percentages and
 * {@code attacks.origin}) counts only attacks whose source completed a TCP handshake, is routable
 * and is not a Tor exit (ATTRIBUTION-NOTES C1, C5.21). Attacks from Tor exits, non-routable,
 * unverified and reflected sources are in their own side tables and never in the headline.
 */
public record OriginReport(
        String schema,
        Run run,
        List<InputFile> input,
        List<Database> databases,
        List<String> warnings,
        EventsSection events,
        AttacksSection attacks,
        Caveats caveats) {

    /** Identifies this document's layout; changes only when a field changes incompatibly. */
    public static final String SCHEMA = "hotline.origin-report/1";

    public OriginReport {
        input = List.copyOf(input);
        databases = List.copyOf(databases);
        warnings = List.copyOf(warnings);
    }

    /**
     * How the report was made.
     *
     * @param version     Hotline's version
     * @param generatedAt when the report was built
     * @param timeZone    zone used for time buckets and for log timestamps that carry none (IANA id)
     * @param settings    the command line's choices and the detectors' thresholds, by name, sorted
     */
    public record Run(String version, Instant generatedAt, String timeZone, Map<String, String> settings) {
        public Run {
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        }
    }

    /**
     * One input and what happened to its lines: {@code lines = parsed + ignored + skipped}.
     *
     * @param file         as the user named it ("-" for stdin)
     * @param format       format used, null if it could not be decided
     * @param formatForced true when {@code --format} chose it, false when detected
     * @param bytes        size on disk, null when unknown
     * @param compressed   gzip input
     * @param lines        lines read
     * @param parsed       lines that became events
     * @param ignored      well-formed lines that are not events (and blank lines)
     * @param skipped      malformed lines, counted and skipped
     * @param firstSkipped the first skipped lines with the reason each was skipped
     * @param timeRule     how year-less timestamps got their year, null when the format carries it
     * @param error        why reading stopped early or never began, null if it did not
     */
    public record InputFile(String file, String format, boolean formatForced, Long bytes, boolean compressed,
                            long lines, long parsed, long ignored, long skipped, List<SkippedLine> firstSkipped,
                            String timeRule, String error) {
        public InputFile {
            firstSkipped = List.copyOf(firstSkipped);
        }
    }

    /** A skipped line: its 1-based number and why. */
    public record SkippedLine(long line, String reason) {}

    /**
     * A database an enricher read (ATTRIBUTION-NOTES C3.10).
     *
     * @param role      "country", "asn", "tor-exits", "non-routable"…
     * @param buildDate ISO-8601 date, null when unknown
     * @param sha256    hex SHA-256 of the file, null for built-in lists
     * @param entries   records or ranges held, null when unknown
     * @param source    origin and licence, including the attribution the licence asks for
     */
    public record Database(String role, String name, String layout, String buildDate, String sha256,
                           Long entries, String source) {}
}
