package org.hotline.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.detect.Attack;
import org.hotline.event.Event;

/**
 * Attacks over time: each attack in the bucket where it began, buckets of an hour, a day or a
 * month chosen so that a chart stays readable (at most 72 hourly or about 400 daily buckets).
 * Buckets start at the zone's local hour, midnight or first of the month, so "a day" is the
 * reader's day, not UTC's.
 */
final class Timeline {
    static final Duration HOURLY_UP_TO = Duration.ofHours(72);
    static final Duration DAILY_UP_TO = Duration.ofDays(400);

    private Timeline() {}

    static AttacksSection.TimeSeries of(List<Attack> attacks, ZoneId zone) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long undated = 0;
        for (Attack a : attacks) {
            if (a.firstSeen() == Event.NO_TIME) {
                undated++;
            } else {
                min = Math.min(min, a.firstSeen());
                max = Math.max(max, a.firstSeen());
            }
        }
        if (undated == attacks.size()) {
            return new AttacksSection.TimeSeries("day", zone.getId(), undated, List.of());
        }
        Duration span = Duration.ofMillis(max - min);
        String unit = span.compareTo(HOURLY_UP_TO) <= 0 ? "hour" : span.compareTo(DAILY_UP_TO) <= 0 ? "day" : "month";
        Map<Instant, AttackGroup> buckets = new TreeMap<>();
        for (Attack a : attacks) {
            if (a.firstSeen() != Event.NO_TIME) {
                buckets.computeIfAbsent(start(unit, Instant.ofEpochMilli(a.firstSeen()), zone), s -> new AttackGroup()).add(a);
            }
        }
        List<AttacksSection.TimeBucket> rows = new ArrayList<>();
        Instant last = start(unit, Instant.ofEpochMilli(max), zone);
        for (Instant s = start(unit, Instant.ofEpochMilli(min), zone); !s.isAfter(last); s = next(unit, s, zone)) {
            AttackGroup g = buckets.get(s);
            rows.add(g == null ? new AttacksSection.TimeBucket(s, 0, 0, 0, null)
                    : new AttacksSection.TimeBucket(s, g.attacks, g.events, g.sources(), g.bytes()));
        }
        return new AttacksSection.TimeSeries(unit, zone.getId(), undated, rows);
    }

    static Instant start(String unit, Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return switch (unit) {
            case "hour" -> z.truncatedTo(ChronoUnit.HOURS).toInstant();
            case "day" -> z.toLocalDate().atStartOfDay(zone).toInstant();
            default -> z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    private static Instant next(String unit, Instant s, ZoneId zone) {
        ZonedDateTime z = s.atZone(zone);
        return switch (unit) {
            case "hour" -> {
                // Truncating again keeps bucket starts on local hours across odd (half-hour) offset changes.
                Instant candidate = start(unit, s.plus(Duration.ofHours(1)), zone);
                yield candidate.isAfter(s) ? candidate : s.plus(Duration.ofHours(1));
            }
            case "day" -> z.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            default -> z.toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
