package org.hotline.detect.tally;

import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.Verification;

/**
 * What one key saw in one time window: how many events, when (earliest and latest time), how many
 * bytes, the strongest {@link Verification}, the strongest IDS severity, the earliest evidence
 * positions and, where the detector counts them, distinct values. Every field is a sum, a minimum, a
 * maximum or a capped set, so adding events in any order and merging tallies give the same result.
 */
final class Tally {
    long events;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long bytes = -1;
    int severity = -1;
    Verification verification = Verification.REFLECTED;
    final EarliestPositions evidence = new EarliestPositions();
    final DistinctValues distinct;

    Tally(int distinctCap) {
        this.distinct = distinctCap > 0 ? new DistinctValues(distinctCap) : null;
    }

    void add(Event e) {
        events++;
        if (e.hasTime()) {
            first = Math.min(first, e.time());
            last = Math.max(last, e.time());
        }
        if (e.bytes() >= 0) {
            bytes = Math.max(bytes, 0) + e.bytes();
        }
        verification = verification.strongest(e.verification());
        if (e.detail() instanceof EventDetail.IdsAlert alert && alert.severity() > 0) {
            severity = strongerSeverity(severity, alert.severity());
        }
        evidence.offer(e.position());
    }

    void mergeFrom(Tally o) {
        events += o.events;
        first = Math.min(first, o.first);
        last = Math.max(last, o.last);
        if (o.bytes >= 0) {
            bytes = Math.max(bytes, 0) + o.bytes;
        }
        severity = strongerSeverity(severity, o.severity);
        verification = verification.strongest(o.verification);
        evidence.mergeFrom(o.evidence);
        if (distinct != null && o.distinct != null) {
            distinct.mergeFrom(o.distinct);
        }
    }

    int distinctCount() {
        return distinct == null ? 0 : distinct.count();
    }

    int distinctUnion(Tally o) {
        return distinct == null || o.distinct == null ? 0 : distinct.unionCount(o.distinct);
    }

    long entries() {
        return 1 + evidence.size() + distinctCount();
    }

    /** Suricata and Snort rank 1 as the most severe; -1 means "no severity". */
    static int strongerSeverity(int a, int b) {
        if (a <= 0) {
            return b;
        }
        return b <= 0 ? a : Math.min(a, b);
    }
}
