package org.hotline.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;

class DetectorParameterTest {
    private static final DetectorParameter FAILURES = DetectorParameter.count("failures", 5, 1, 1000, "failed logins", "d");
    private static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofMinutes(10),
            Duration.ofSeconds(1), Duration.ofDays(7), "d");

    @Test
    void countsAreWholeNumbersInRange() {
        assertThat(FAILURES.parse("brute-force.failures", "12")).isEqualTo(12);
        assertThatThrownBy(() -> FAILURES.parse("brute-force.failures", "0"))
                .isInstanceOf(InputException.class).hasMessage("brute-force.failures=0: must be > 0");
        assertThatThrownBy(() -> FAILURES.parse("brute-force.failures", "1001"))
                .hasMessage("brute-force.failures=1001: must be <= 1000");
        assertThatThrownBy(() -> FAILURES.parse("brute-force.failures", "five"))
                .hasMessage("brute-force.failures=five: not a whole number");
    }

    @Test
    void durationsNeedAUnit() {
        assertThat(WINDOW.parse("w", "90s")).isEqualTo(90_000);
        assertThat(WINDOW.parse("w", "10m")).isEqualTo(600_000);
        assertThat(WINDOW.parse("w", "2h")).isEqualTo(7_200_000);
        assertThat(WINDOW.parse("w", "1d")).isEqualTo(86_400_000);
        assertThatThrownBy(() -> WINDOW.parse("brute-force.window", "10"))
                .hasMessage("brute-force.window=10: a duration needs a unit (s, m, h or d), e.g. 10m");
        assertThatThrownBy(() -> WINDOW.parse("brute-force.window", "10y"))
                .hasMessage("brute-force.window=10y: unknown unit 'y'; use s, m, h or d");
        assertThatThrownBy(() -> WINDOW.parse("brute-force.window", "0s"))
                .hasMessage("brute-force.window=0s: must be >= 1s");
        assertThatThrownBy(() -> WINDOW.parse("brute-force.window", "8d"))
                .hasMessage("brute-force.window=8d: must be <= 7d");
    }

    @Test
    void valuesAreWrittenInTheLargestWholeUnit() {
        assertThat(WINDOW.format(600_000)).isEqualTo("10m");
        assertThat(WINDOW.format(90_000)).isEqualTo("90s");
        assertThat(WINDOW.format(86_400_000)).isEqualTo("1d");
        assertThat(WINDOW.format(1_500)).isEqualTo("1500ms");
        assertThat(FAILURES.format(5)).isEqualTo("5");
    }

    @Test
    void aDefaultOutsideItsRangeIsABug() {
        assertThatThrownBy(() -> DetectorParameter.count("x", 0, 1, 10, "u", "d"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DetectorParameter.count("Bad_Name", 1, 1, 10, "u", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
