package org.hotline.detect.tally;

/**
 * When a window's tally is an attack: at least {@code minEvents} events and, if {@code minDistinct}
 * is above 0, at least that many distinct values (ports, hosts, paths).
 */
public record Threshold(long minEvents, int minDistinct) {
    public Threshold {
        if (minEvents < 1 || minDistinct < 0) {
            throw new IllegalArgumentException("minEvents >= 1 and minDistinct >= 0: " + minEvents + ", " + minDistinct);
        }
    }

    public static Threshold events(long minEvents) {
        return new Threshold(minEvents, 0);
    }

    public static Threshold distinct(int minDistinct) {
        return new Threshold(1, minDistinct);
    }

    boolean met(long events, int distinct) {
        return events >= minEvents && distinct >= minDistinct;
    }

    // Written out rather than generated: a record's generated equals and hashCode are linked on
    // first call by spinning method-handle classes at run time (~20 per method), which the
    // class-data archive cannot hold, on every run.
    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && t.minEvents == minEvents && t.minDistinct == minDistinct;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minEvents) * 31 + minDistinct;
    }
}
