package org.hotline.detect.scan;

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

/**
 * Path scans on the elastic/examples Apache log. Distinct failing paths per source and minute, as the
 * detector counts them (status 404/403/400, query cut, static files left out):
 * <pre>
 * awk '($9==404||$9==403||$9==400) {split($7,p,"?"); split($4,t,":"); print $1, t[1]":"t[2]":"t[3], p[1]}' apache_logs \
 *   | grep -viE '\.(css|js|map|png|jpg|jpeg|gif|ico|svg|webp|bmp|woff|woff2|ttf|otf|eot|mp4|webm|mp3)$' \
 *   | sort -u | awk '{c[$1" "$2]++} END {for (k in c) print c[k], k}' | sort -rn | head -2
 * 10 144.76.95.39 [20/May/2015:09:05     (MJ12bot, a crawler following broken links)
 * 8 91.236.75.25 [20/May/2015:05:05      (HEAD requests for FCKeditor files under one page)
 * </pre>
 */
class PathScanDetectorTest implements DetectorContract {

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("path-scan");
    }

    @Override
    public List<Event> fixture() {
        return FixtureEvents.apache();
    }

    private static List<Attack> run(List<Event> events, DetectorSettings settings) {
        PathScanDetector d = new PathScanDetector(settings);
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    @Test
    void tenDistinctMissingPathsInAMinuteAreAScan() {
        // awk '$1 == "144.76.95.39" && ($9 == 404 || $9 == 403 || $9 == 400) {print NR, $4}' apache_logs
        // -> 14 requests, 09:05:04 .. 09:05:48, first lines 8584 8585 8592 8593 8594 8605 8606 8608 8612 8615.
        assertThat(run(fixture(), spec().defaults())).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AttackType.PATH_SCAN);
            assertThat(a.source()).isEqualTo(IpAddress.parse("144.76.95.39"));
            assertThat(a.signature()).isEqualTo("http path discovery");
            assertThat(a.events()).isEqualTo(14);
            assertThat(a.firstSeen()).isEqualTo(Instant.parse("2015-05-20T09:05:04Z").toEpochMilli());
            assertThat(a.lastSeen()).isEqualTo(Instant.parse("2015-05-20T09:05:48Z").toEpochMilli());
            assertThat(a.evidence()).extracting(InputPosition::line)
                    .containsExactly(8584L, 8585L, 8592L, 8593L, 8594L, 8605L, 8606L, 8608L, 8612L, 8615L);
        });
    }

    @Test
    void eightPathsNeedALowerThreshold() {
        assertThat(run(fixture(), spec().defaults().with("paths", "8"))).extracting(a -> a.source().toString())
                .containsExactly("91.236.75.25", "144.76.95.39");
        assertThat(run(fixture(), spec().defaults().with("paths", "11"))).isEmpty();
    }

    @Test
    void staticFilesAndQueriesDoNotMakeDistinctPaths() {
        assertThat(RequestPaths.isStatic("/images/logo.PNG", RequestPaths.pathEnd("/images/logo.PNG"))).isTrue();
        assertThat(RequestPaths.isStatic("/favicon.ico?v=2", RequestPaths.pathEnd("/favicon.ico?v=2"))).isTrue();
        assertThat(RequestPaths.isStatic("/wp-login.php", RequestPaths.pathEnd("/wp-login.php"))).isFalse();
        assertThat(RequestPaths.isStatic("/a.js/admin", RequestPaths.pathEnd("/a.js/admin"))).isFalse();
        assertThat(RequestPaths.hash("/a?x=1", RequestPaths.pathEnd("/a?x=1")))
                .isEqualTo(RequestPaths.hash("/a?y=2", RequestPaths.pathEnd("/a?y=2")));
    }
}
