package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaxiiTimeTest {

    @Test
    void writesSixFractionalDigitsAsMedallionDoes() {
        // medallion's manifest: "date_added": "2016-11-03T12:30:59.001000Z"
        long micros = TaxiiTime.parseMicros("2016-11-03T12:30:59.001Z");
        assertThat(TaxiiTime.format(micros)).isEqualTo("2016-11-03T12:30:59.001000Z");
        assertThat(TaxiiTime.parseMicros("2016-11-03T12:30:59.001000Z")).isEqualTo(micros);
        assertThat(TaxiiTime.instant(micros)).isEqualTo(Instant.parse("2016-11-03T12:30:59.001Z"));
    }

    @Test
    void comparesTimestampsOfAnyPrecisionAsInstants() {
        assertThat(TaxiiTime.parseMicros("2014-05-08T09:00:00Z")).isEqualTo(TaxiiTime.parseMicros("2014-05-08T09:00:00.000000Z"));
        assertThat(TaxiiTime.parseMicros("2017-01-27T13:49:53.935382Z") - TaxiiTime.parseMicros("2017-01-27T13:49:53.935Z")).isEqualTo(382);
        // Below a microsecond is cut off, rounding down, also before 1970.
        assertThat(TaxiiTime.parseMicros("2017-01-27T13:49:53.935382999Z")).isEqualTo(TaxiiTime.parseMicros("2017-01-27T13:49:53.935382Z"));
        assertThat(TaxiiTime.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(TaxiiTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999999Z");
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        assertThatThrownBy(() -> TaxiiTime.parseMicros("2016-11-03 12:30:59")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an RFC 3339 UTC timestamp: '2016-11-03 12:30:59'");
        assertThatThrownBy(() -> TaxiiTime.parseMicros(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
