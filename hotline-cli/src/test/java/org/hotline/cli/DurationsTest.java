package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
    /** What `channel list` shows must be what was agreed: a 1s deadline showed as "0d", 90s as "1m". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"7d, 7d", "24h, 1d", "36h, 36h", "90m, 90m", "1s, 1s", "90s, 90s", "PT1H0M30S, 3630s"})
    void aDurationIsShownExactlyInTheLargestWholeUnit(String typed, String shown) {
        Duration d = Durations.parse("--respond-within", typed);
        assertThat(Durations.format(d)).isEqualTo(shown);
        assertThat(Durations.parse("--respond-within", shown)).isEqualTo(d);
    }
}
