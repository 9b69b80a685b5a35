package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hotline.channel.port.TaxiiStatuses;
import org.junit.jupiter.api.Test;

/** {@link TaxiiStatuses}: saved, found by their owner only, replaced, and purged only when older than the cutoff. */
interface TaxiiStatusesContract extends DatabaseUnderTest {
    String OWNER = "identity--a7c3d0c8-5d1e-4c55-9d3b-0c1f2e3d4a5b";
    String ANOTHER = "identity--0e9b6c1a-2f3d-4e5f-8a9b-c0d1e2f3a4b5";

    @Test
    default void statusesAreKeptUntilPurgedByAge() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00.000123Z");
        try (NodeDatabase db = open()) {
            TaxiiStatuses statuses = db.statuses();
            statuses.save("2d086da7-4bdc-4f91-900e-d77486753710", OWNER, t0, "{\"status\":\"pending\"}");
            statuses.save("2d086da7-4bdc-4f91-900e-d77486753710", OWNER, t0, "{\"status\":\"complete\"}");
            statuses.save("2d086da7-4bdc-4f91-900e-f4566be4b780", OWNER, t0.plusSeconds(86_400), "{\"status\":\"complete\",\"n\":2}");

            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-d77486753710", OWNER)).contains("{\"status\":\"complete\"}");
            assertThat(statuses.find("22101993", OWNER)).isEmpty();
            assertThat(statuses.purgeBefore(t0)).isZero();
            assertThat(statuses.purgeBefore(t0.plusNanos(1_000))).isEqualTo(1);
            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-d77486753710", OWNER)).isEmpty();
            assertThat(statuses.find("2d086da7-4bdc-4f91-900e-f4566be4b780", OWNER)).isPresent();
        }
    }

    /** A status names the objects its requester sent: another caller must not find it, even by its id. */
    @Test
    default void aStatusIsFoundOnlyByItsOwner() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00.000123Z");
        try (NodeDatabase db = open()) {
            TaxiiStatuses statuses = db.statuses();
            statuses.save("9b0e6a4c-2a51-4b7e-8f0e-3f1c2d4e5a6b", OWNER, t0, "{\"status\":\"complete\"}");

            assertThat(statuses.find("9b0e6a4c-2a51-4b7e-8f0e-3f1c2d4e5a6b", OWNER)).contains("{\"status\":\"complete\"}");
            assertThat(statuses.find("9b0e6a4c-2a51-4b7e-8f0e-3f1c2d4e5a6b", ANOTHER)).isEmpty();
        }
    }
}
