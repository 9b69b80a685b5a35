package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hotline.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampTest {

    private static long parse(String text, ZoneId zone) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return IsoTimestamp.parse(b, 0, b.length, zone);
    }

    @ParameterizedTest
    @CsvSource({
        "2019-01-02T03:50:11.315110,        2019-01-02T03:50:11.315Z",
        "2015-03-29T11:01:38.221126-0600,   2015-03-29T17:01:38.221Z",
        "2022-01-19T14:23:55+00:00,         2022-01-19T14:23:55Z",
        "2018-05-06T17:44:05.866769Z,       2018-05-06T17:44:05.866Z",
        "2023-11-14T00:20:42.738197+01:00,  2023-11-13T23:20:42.738Z",
        "2024-02-29 23:59:59+05,            2024-02-29T18:59:59Z",
        "1969-12-31T23:59:59.999Z,          1969-12-31T23:59:59.999Z",
    })
    void readsTheFormsLogsWrite(String text, String expected) {
        assertThat(parse(text, ZoneOffset.UTC)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-29T00:00:00Z", "2019-01-02T24:00:00Z", "2019-01-02T03:50", "2019-01-02T03:50:11.Z",
        "2019-01-02T03:50:11+2", "2019-01-02T03:50:11 +0000", "20190102T035011Z", "XXXXXXXXXX.XXXXXX"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThat(parse(text, ZoneOffset.UTC)).isEqualTo(Event.NO_TIME);
    }

    @ParameterizedTest
    @CsvSource({"2019-07-01T12:00:00, 2019-07-01T10:00:00Z", "2019-01-01T12:00:00, 2019-01-01T11:00:00Z"})
    void zonelessTimesFollowTheGivenZoneWithItsSummerTime(String text, String expected) {
        assertThat(parse(text, ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01", "2000-02-29", "2100-03-01", "1601-01-01", "2038-01-19"})
    void epochDayMatchesJavaTime(String date) {
        LocalDate d = LocalDate.parse(date);
        assertThat(IsoTimestamp.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
    }
}
