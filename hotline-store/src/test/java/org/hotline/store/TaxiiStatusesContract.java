package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hotline.channel.port.TaxiiStatuses;
import org.junit.jupiter.api.Test;

/** {@link TaxiiStatuses}: saved, found, replaced, and purged only when older than the cutoff. */
interface TaxiiStatusesContract extends DatabaseUnderTest {

    @Test
    default void statusesAreKeptUntilPurgedByAge() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00.000123Z");
        try (NodeDatabase db = open()) {
            TaxiiStatuses statuses = db.statuses();
            statuses.save("2d086da7-4bdc-4f91-900e-d77486753710", t0, "{\"status\":\"pending\"}");
            statuses.save("2d086da7-4bdc-4f91-900e-d77486753710", t0, "{\"status\":\"complete\"}");
            statuses.save("2d086da7-4bdc-4f91-900e-f4566be4b780", t0.plusSeconds(86_400), "{\"status\":\"complete\",\"n\":2}");

            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-d77486753710")).contains("{\"status\":\"complete\"}");
            assertThat(statuses.find("22101993")).isEmpty();
            assertThat(statuses.purgeBefore(t0)).isZero();
            assertThat(statuses.purgeBefore(t0.plusNanos(1_000))).isEqualTo(1);
            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-d77486753710")).isEmpty();
            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-f4566be4b780")).isPresent();
        }
    }
}
