package org.hotline.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.pipeline.InputSummary;

/**
 * What a reader must see before any number: problems with the inputs, the databases or the data
 * that change how far the shares can be trusted. The caller's own warnings (e.g. the geo module's
 * unresolved-address check) come first.
 */
final class ReportWarnings {
    static final double SKIPPED_PERCENT = 1.0;
    static final double UNLOCATED_PERCENT = 10.0;
    static final double HEAVY_HITTER_PERCENT = 50.0;
    static final long DATABASE_AGE_DAYS = 365;

    private ReportWarnings() {}

    /**
     * @param originBusiest the address with the most events in the origin table, null if it has none
     */
    static List<String> of(ReportInput in, EventsSection events, AttacksSection attacks,
                           AttackBreakdown.Busiest originBusiest) {
        List<String> w = new ArrayList<>();
        // A caller's text may hold several warnings on separate lines (the geo coverage check does).
        in.warnings().forEach(text -> text.lines().filter(l -> !l.isBlank()).forEach(w::add));
        for (InputSummary s : in.inputs()) {
            if (s.error() != null) {
                // Input errors usually name their file already (they are also printed on stderr alone).
                String error = s.error().startsWith(s.name() + ": ")
                        ? s.error().substring(s.name().length() + 2) : s.error();
                w.add("input " + s.name() + ": " + error);
            }
            if (s.leftAside() > 0) {
                w.add("input " + s.name() + ": " + s.leftAside() + " of its " + s.lines() + " lines were left aside as not "
                        + s.format() + " lines, though they are " + s.leftAsideFor() + " lines (a file both programs write):"
                        + " --format syslog reads both");
            }
            Double skipped = Percent.of(s.skipped(), s.lines());
            if (skipped != null && skipped >= SKIPPED_PERCENT) {
                w.add("input " + s.name() + ": " + s.skipped() + " of " + s.lines() + " lines (" + skipped
                        + " %) were malformed and skipped" + (s.firstSkipped().isEmpty() ? ""
                        : "; first: " + s.firstSkipped().get(0)));
            }
        }
        if (!MethodStatements.hasRole(in.databases(), "country")) {
            w.add("no country database was used: every source is unlocated and the shares by country say nothing");
        }
        databaseAge(in.databases(), events, w);
        if (attacks.total().attacks() == 0) {
            w.add("no attack was detected in " + events.total() + " parsed events: there is no origin share to give");
        } else if (attacks.origin().attacks() == 0) {
            w.add("no attack came from a handshake-verified, routable, non-Tor source: no origin share can be given;"
                    + " see the separate tables");
        } else {
            unlocated(attacks, w);
            heavyHitter(attacks, originBusiest, w);
        }
        return w;
    }

    private static void unlocated(AttacksSection attacks, List<String> w) {
        for (CountryRow row : attacks.byCountry()) {
            if (row.country() == null && row.sourcesPercent() != null && row.sourcesPercent() >= UNLOCATED_PERCENT) {
                w.add(row.sourcesPercent() + " % of the verified attacking addresses (" + row.sources() + " of "
                        + attacks.origin().sources() + ") resolved to no country: check the country database's"
                        + " type, coverage and date");
            }
        }
    }

    private static void heavyHitter(AttacksSection attacks, AttackBreakdown.Busiest busiest, List<String> w) {
        if (busiest == null) {
            return;
        }
        Double share = Percent.of(busiest.events(), attacks.origin().events());
        if (share != null && share >= HEAVY_HITTER_PERCENT) {
            w.add("one address, " + busiest.address() + ", makes " + share + " % of the origin's attack events:"
                    + " shares by events mostly describe that one address; compare the shares by sources");
        }
    }

    /** Addresses are re-assigned: a database far from the events' dates places them less reliably (C3.10). */
    private static void databaseAge(List<DatabaseInfo> databases, EventsSection events, List<String> w) {
        if (events.firstSeen() == null) {
            return;
        }
        for (DatabaseInfo d : databases) {
            LocalDate built = date(d.buildDate());
            if (built == null || !(d.role() != null && (d.role().contains("country") || d.role().contains("asn")))) {
                continue;
            }
            long after = ChronoUnit.DAYS.between(day(events.lastSeen()), built);
            long before = ChronoUnit.DAYS.between(built, day(events.firstSeen()));
            long gap = Math.max(after, before);
            if (gap > DATABASE_AGE_DAYS) {
                w.add("the " + d.role() + " database " + d.name() + " was built " + built + ", " + gap + " days "
                        + (after > 0 ? "after the last" : "before the first") + " event: addresses may have"
                        + " changed hands in between");
            }
        }
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
