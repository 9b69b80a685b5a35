package org.hotline.detect.tally;

import org.hotline.event.Verification;

/**
 * What a run of adjacent qualifying windows of one key saw, summed from its cells
 * ({@link CellTable#addTo}): how many events, when (earliest and latest time), how many bytes, the
 * strongest {@link Verification}, the strongest IDS severity and the earliest evidence positions.
 * Every field is a sum, a minimum, a maximum or a capped set, so the order the cells (and, before
 * them, the events and merged workers) came in does not change the result.
 */
final class Tally {
    long events;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long bytes = -1;
    int severity = -1;
    Verification verification = Verification.REFLECTED;
    final EarliestPositions evidence = new EarliestPositions();

    /** Suricata and Snort rank 1 as the most severe; -1 means "no severity". */
    static int strongerSeverity(int a, int b) {
        if (a <= 0) {
            return b;
        }
        return b <= 0 ? a : Math.min(a, b);
    }
}
