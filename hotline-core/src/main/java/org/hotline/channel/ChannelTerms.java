package org.hotline.channel;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What two parties agreed for their channel: which TLP levels and kinds of concern they exchange,
 * and how fast each side must act. Defaults follow the founding dialogue's practice: acknowledge
 * within a day, first response within a week, materials within a week of being asked.
 */
public record ChannelTerms(Set<Tlp> tlps, Set<ConcernKind> kinds, Duration acknowledgeWithin,
                           Duration respondWithin, Duration materialsWithin) {

    public ChannelTerms {
        if (tlps.isEmpty() || kinds.isEmpty()) {
            throw new IllegalArgumentException("a channel allows at least one TLP level and one kind of concern");
        }
        tlps = Set.copyOf(EnumSet.copyOf(tlps));
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        for (Duration d : new Duration[] {acknowledgeWithin, respondWithin, materialsWithin}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("deadlines must be positive durations: " + d);
            }
        }
    }

    public static ChannelTerms defaults() {
        return new ChannelTerms(EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT),
                EnumSet.allOf(ConcernKind.class), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(7));
    }
}
