package org.hotline.aggregate;

/** Percentages as the report prints them: 0–100, two decimals, null when there is nothing to divide by. */
final class Percent {
    private Percent() {}

    static Double of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return Math.round(part * 10_000.0 / whole) / 100.0;
    }

    /**
     * For bytes, where either side may be unknown (null). A row whose bytes are unknown gets no share
     * (null), not 0 %: its sources may have sent plenty, the logs just did not say.
     */
    static Double ofBytes(Long part, Long whole) {
        if (whole == null || part == null) {
            return null;
        }
        return of(part, whole);
    }
}
