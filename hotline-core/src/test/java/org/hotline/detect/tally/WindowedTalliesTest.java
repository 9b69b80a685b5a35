package org.hotline.detect.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

/** The window rule of {@link WindowedTallies}, on events placed at chosen seconds. */
class WindowedTalliesTest {
    private static final long MINUTE = 60_000L;
    private static final IpAddress SOURCE = IpAddress.parse("192.0.2.1");

    private static Event at(long millis, long line) {
        return new Event(millis, SOURCE, 1000, null, -1, Protocol.TCP, "ssh", Outcome.AUTH_FAILURE, -1, true,
                new InputPosition("auth.log", line), null);
    }

    private static List<Attack> emit(WindowedTallies t) {
        List<Attack> attacks = new ArrayList<>();
        t.emit(attacks::add);
        return attacks;
    }

    private static WindowedTallies tenMinutesFive(long... seconds) {
        WindowedTallies t = new WindowedTallies(AttackType.BRUTE_FORCE, 10 * MINUTE, Threshold.events(5));
        for (int i = 0; i < seconds.length; i++) {
            t.add(SOURCE, "ssh", "ssh failed logins", at(seconds[i] * 1000, i + 1));
        }
        return t;
    }

    @Test
    void aBurstAcrossAWindowBoundaryIsCaught() {
        // Three failures at 9:57-9:59 and two at 10:00-10:01: neither window has five, the pair has.
        List<Attack> attacks = emit(tenMinutesFive(597, 598, 599, 600, 601));
        assertThat(attacks).singleElement().satisfies(a -> {
            assertThat(a.events()).isEqualTo(5);
            assertThat(a.firstSeen()).isEqualTo(597_000);
            assertThat(a.lastSeen()).isEqualTo(601_000);
        });
    }

    @Test
    void aSlowBurstOverThreeWindowsIsMissed() {
        // 2 + 1 + 2 over windows 0, 1, 2: no window, and no adjacent pair, reaches five.
        assertThat(emit(tenMinutesFive(10, 20, 700, 1300, 1310))).isEmpty();
    }

    @Test
    void adjacentQualifyingWindowsAreOneAttackAndAGapSplits() {
        long[] seconds = new long[17];
        for (int i = 0; i < 5; i++) {
            seconds[i] = 10 + i;          // window 0
            seconds[5 + i] = 610 + i;     // window 1
        }
        for (int i = 0; i < 7; i++) {
            seconds[10 + i] = 1810 + i;   // window 3, after an empty window 2
        }
        List<Attack> attacks = emit(tenMinutesFive(seconds));
        assertThat(attacks).extracting(Attack::events).containsExactly(10L, 7L);
        assertThat(attacks.get(0).lastSeen()).isEqualTo(614_000);
        assertThat(attacks.get(0).evidence()).extracting(InputPosition::line)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void eventsWithoutTimeShareOneBucket() {
        WindowedTallies t = new WindowedTallies(AttackType.BRUTE_FORCE, 10 * MINUTE, Threshold.events(2));
        t.add(SOURCE, "ssh", "s", at(Event.NO_TIME, 1));
        t.add(SOURCE, "ssh", "s", at(Event.NO_TIME, 2));
        t.add(SOURCE, "ssh", "s", at(0, 3));
        assertThat(emit(t)).singleElement().satisfies(a -> {
            assertThat(a.firstSeen()).isEqualTo(Event.NO_TIME);
            assertThat(a.lastSeen()).isEqualTo(Event.NO_TIME);
            assertThat(a.events()).isEqualTo(2);
        });
    }

    @Test
    void bytesVerificationAndSeverityAreTheRunsStrongest() {
        WindowedTallies t = new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.events(1));
        IpAddress dst = IpAddress.parse("198.51.100.1");
        t.add(SOURCE, "x", "sig", new Event(1000, SOURCE, 53, dst, 80, Protocol.UDP, null, Outcome.ALERT, 100, false,
                new InputPosition("eve.json", 1), new EventDetail.IdsAlert(1, "r", null, 3, null)));
        t.add(SOURCE, "x", "sig", new Event(2000, SOURCE, 4000, dst, 80, Protocol.TCP, null, Outcome.ALERT, -1, true,
                new InputPosition("eve.json", 2), new EventDetail.IdsAlert(1, "r", null, 1, null)));
        assertThat(emit(t)).singleElement().satisfies(a -> {
            assertThat(a.bytes()).isEqualTo(100);
            assertThat(a.verification()).isEqualTo(Verification.HANDSHAKE);
            assertThat(a.severity()).isEqualTo(1);
        });
        WindowedTallies unknown = new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.events(1));
        unknown.add(SOURCE, "x", "sig", at(1000, 1));
        assertThat(emit(unknown)).singleElement().satisfies(a -> {
            assertThat(a.bytes()).isEqualTo(-1);
            assertThat(a.severity()).isEqualTo(-1);
        });
    }

    @Test
    void distinctValuesOfAPairAreUnited() {
        WindowedTallies t = new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.distinct(4));
        // ports 1, 2, 3 in the first minute, 3, 4 in the next: 4 distinct together, 3 and 2 alone.
        long[][] probes = {{59_000, 1}, {59_100, 2}, {59_200, 3}, {60_100, 3}, {60_200, 4}};
        for (int i = 0; i < probes.length; i++) {
            t.add(SOURCE, "host", "vertical", at(probes[i][0], i + 1), probes[i][1]);
        }
        assertThat(emit(t)).singleElement().extracting(Attack::events).isEqualTo(5L);
        WindowedTallies repeated = new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.distinct(4));
        for (int i = 0; i < 50; i++) {
            repeated.add(SOURCE, "host", "vertical", at(1000 + i, i + 1), i % 3);
        }
        assertThat(emit(repeated)).as("three ports, fifty times").isEmpty();
    }

    @Test
    void mergingRequiresTheSameRule() {
        WindowedTallies a = new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.events(5));
        assertThatThrownBy(() -> a.mergeFrom(new WindowedTallies(AttackType.BRUTE_FORCE, 2 * MINUTE, Threshold.events(5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.mergeFrom(new WindowedTallies(AttackType.BRUTE_FORCE, MINUTE, Threshold.events(4))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
