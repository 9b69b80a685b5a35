package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void dayBucketsStartAtTheReportZonesMidnightAcrossADaylightSavingChange() {
        // Berlin left summer time on 2015-10-25: that day is 25 hours long.
        List<Attack> attacks = List.of(at("2015-10-23T21:30:00Z"), at("2015-10-25T22:59:00Z"), at("2015-10-28T10:00:00Z"));
        AttacksSection.TimeSeries s = Timeline.of(attacks, ZoneId.of("Europe/Berlin"));
        assertThat(s.bucket()).isEqualTo("day");
        assertThat(s.buckets()).extracting(b -> b.start().toString()).containsExactly(
                "2015-10-22T22:00:00Z", "2015-10-23T22:00:00Z", "2015-10-24T22:00:00Z", "2015-10-25T23:00:00Z",
                "2015-10-26T23:00:00Z", "2015-10-27T23:00:00Z");
        // buckets are the local days 23rd..28th; 21:30Z on the 23rd is 23:30 in Berlin (still the 23rd),
        // 22:59Z on the 25th is 23:59 CET (the 25th, whose bucket began at 22:00Z on the 24th, in CEST)
        assertThat(s.buckets()).extracting(AttacksSection.TimeBucket::attacks).containsExactly(1L, 0L, 1L, 0L, 0L, 1L);
    }

    @Test
    void hoursUpTo72HoursMonthsBeyondAbout400DaysAndUndatedAttacksCountedApart() {
        assertThat(Timeline.of(List.of(at("2015-05-17T10:00:00Z"), at("2015-05-20T10:00:00Z")), ZoneId.of("UTC")).bucket())
                .isEqualTo("hour");
        AttacksSection.TimeSeries months = Timeline.of(List.of(at("2014-01-31T10:00:00Z"), at("2015-05-17T10:00:00Z"),
                undated()), ZoneId.of("UTC"));
        assertThat(months.bucket()).isEqualTo("month");
        assertThat(months.buckets()).hasSize(17);   // January 2014 to May 2015
        assertThat(months.undatedAttacks()).isEqualTo(1);
        assertThat(Timeline.of(List.of(undated()), ZoneId.of("UTC")).buckets()).isEmpty();
    }

    private static Attack at(String time) {
        long t = Instant.parse(time).toEpochMilli();
        return new Attack(AttackType.PORT_SCAN, "scan", IpAddress.parse("192.0.2.1"), "10.0.0.4", t, t, 3, -1, -1,
                Verification.UNVERIFIED, List.of(new InputPosition("fw.log", 1)));
    }

    private static Attack undated() {
        return new Attack(AttackType.PORT_SCAN, "scan", IpAddress.parse("192.0.2.2"), "10.0.0.4", Event.NO_TIME,
                Event.NO_TIME, 1, -1, -1, Verification.UNVERIFIED, List.of(new InputPosition("fw.log", 2)));
    }
}
