package org.hotline.detect.flood;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.DetectorContract;
import org.hotline.detect.DetectorSettings;
import org.hotline.detect.DetectorSpec;
import org.hotline.detect.Detectors;
import org.hotline.detect.FixtureEvents;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;

/** Request floods on the elastic/examples Apache log, whose busiest client is far from a flood. */
class RequestFloodDetectorTest implements DetectorContract {

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("request-flood");
    }

    @Override
    public List<Event> fixture() {
        return FixtureEvents.apache();
    }

    /** The real log holds no flood at the default; 100 a minute makes its busiest client one. */
    @Override
    public DetectorSettings settings() {
        return spec().defaults().with("requests", "100");
    }

    private static List<Attack> run(List<Event> events, DetectorSettings settings) {
        RequestFloodDetector d = new RequestFloodDetector(settings);
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    @Test
    void noFloodAtTheDefaultRate() {
        // Busiest source-minute of the whole log: awk '{split($4,a,":"); c[$1" "a[1]":"a[2]":"a[3]]++}
        // END {for (k in c) print c[k], k}' apache_logs | sort -rn | head -1 -> 108 (75.97.9.59, 18/May 08:05).
        assertThat(run(fixture(), spec().defaults())).isEmpty();
    }

    @Test
    void theBusiestMinuteIsAFloodAtOneHundred() {
        // awk '$1 == "75.97.9.59" && $4 ~ /18\/May\/2015:08:05/' apache_logs -> 108 lines, 08:05:00 to
        // 08:05:59, the first ten at lines 2591..2600. Nothing else reaches 100 in a minute.
        assertThat(run(fixture(), settings())).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AttackType.REQUEST_FLOOD);
            assertThat(a.source()).isEqualTo(IpAddress.parse("75.97.9.59"));
            assertThat(a.target()).isEqualTo("http");
            assertThat(a.events()).isEqualTo(108);
            assertThat(a.firstSeen()).isEqualTo(Instant.parse("2015-05-18T08:05:00Z").toEpochMilli());
            assertThat(a.lastSeen()).isEqualTo(Instant.parse("2015-05-18T08:05:59Z").toEpochMilli());
            assertThat(a.evidence()).extracting(InputPosition::line)
                    .containsExactly(2591L, 2592L, 2593L, 2594L, 2595L, 2596L, 2597L, 2598L, 2599L, 2600L);
            assertThat(a.bytes()).isPositive();
        });
    }

    @Test
    void minutesAnHourApartAreSeparateAttacks() {
        // The same client makes 84 requests at 09:05 (same awk, /18\/May\/2015:09:05/).
        List<Attack> attacks = run(fixture(), spec().defaults().with("requests", "84"));
        assertThat(attacks).hasSize(2).allSatisfy(a -> assertThat(a.source()).isEqualTo(IpAddress.parse("75.97.9.59")));
        assertThat(attacks).extracting(Attack::events).containsExactly(108L, 84L);
    }
}
