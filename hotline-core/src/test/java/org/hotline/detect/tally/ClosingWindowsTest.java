package org.hotline.detect.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.WindowClosing;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing windows while reading ({@link WindowedTallies#closeInto}) against judging them all at the
 * end: the reference is one instance fed every event and emitted, the rule the other tests pin.
 *
 * <p>The events are random but shaped like a log: a few busy sources that burst (so windows
 * qualify alone, with a neighbour, and in runs that straddle the moments windows are closed) and
 * many quiet ones (so there are far more cells than attacks), in time order with a little jitter,
 * cut into blocks that two workers take in random order, as the pipeline does; after each block
 * the worker closes the windows that end before the latest time read minus the lateness.
 */
class ClosingWindowsTest {
    private static final long MINUTE = 60_000L;
    private static final long LATENESS = 2 * MINUTE;

    private record Line(Event event, String target) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void inTimeOrderTheAttacksAreThoseOfJudgingAtTheEnd(long seed) {
        Random random = new Random(seed);
        List<Line> lines = log(random, 200_000, 0);
        boolean distinct = seed % 2 == 0;
        Threshold rule = distinct ? Threshold.distinct(6) : Threshold.events(12);

        WindowedTallies all = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        lines.forEach(l -> add(all, l, rule));
        long allState = all.stateEntries();
        List<Attack> expected = new ArrayList<>();
        all.emit(expected::add);
        Streamed streamed = stream(lines, rule, random);

        assertThat(expected).as("the data makes attacks").hasSizeGreaterThan(1_000);
        assertThat(streamed.attacks).isEqualTo(expected);
        // The workers and the shared instance each hold up to some ten thousand cells before they
        // repack or judge (a pass over a table must be worth it), whatever the length of the input.
        assertThat(streamed.peakState).as("state held while reading, against all cells of the run")
                .isLessThan(allState / 4);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void aWholeStretchReadLateIsJudgedApartWithTheSameAttacks(long seed) {
        // Two days given newest first, like `access.log access.log.1`: every line of the second
        // input is late, and it is judged on its own; nothing straddles the seam, so nothing is lost.
        Random random = new Random(seed);
        List<Line> older = log(random, 20_000, 0);
        List<Line> newer = log(random, 20_000, 24 * 60 * MINUTE);
        List<Line> newestFirst = new ArrayList<>(newer);
        newestFirst.addAll(older);
        Threshold rule = Threshold.events(12);

        assertThat(stream(newestFirst, rule, random).attacks).isEqualTo(reference(newestFirst, rule));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void quietStretchesAreDroppedWithoutFoldingAndTheBurstsAreStillCaught(long seed) {
        // Traffic from thousands of sources with a burst now and then: between bursts no window
        // can reach the threshold, and the shared instance drops the judged windows without
        // folding the tables handed to it; around a burst it folds and judges them cell by cell.
        Random random = new Random(seed);
        List<Line> lines = quietWithBursts(random, 200_000);
        Threshold rule = Threshold.events(40);
        List<Attack> expected = reference(lines, rule);
        Streamed streamed = stream(lines, rule, random);

        assertThat(expected).as("some bursts make attacks, alone or with a neighbouring window").hasSizeGreaterThan(3);
        assertThat(streamed.attacks).isEqualTo(expected);
        assertThat(streamed.quietJudgements).as("judgements that folded nothing").isGreaterThan(30);
    }

    @Test
    void aPairSplitBetweenTwoWorkersTablesIsNotDroppedAsQuiet() {
        // 19 requests in minute 10 read by worker 0, 21 in minute 11 read by worker 1: neither
        // window reaches 40 alone, together they do. When minute 10 is judged, worker 1's table
        // starts at minute 11 and must count as its neighbour, or the pair would look quiet.
        IpAddress burst = IpAddress.ofV4(0xC633_6407);
        List<Line> first = new ArrayList<>();
        List<Line> second = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(line(IpAddress.ofV4(0x0A00_0000 | i), i * MINUTE, i + 1));
        }
        for (int i = 0; i < 19; i++) {
            first.add(line(burst, 10 * MINUTE + i * 1_000L, 11 + i));
        }
        for (int i = 0; i < 21; i++) {
            second.add(line(burst, 11 * MINUTE + i * 1_000L, 30 + i));
        }
        Threshold rule = Threshold.events(40);
        WindowedTallies shared = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        WindowedTallies one = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        WindowedTallies two = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        first.forEach(l -> add(one, l, rule));
        one.closeInto(shared, new WindowClosing(11 * MINUTE, 0, 2, false));
        second.forEach(l -> add(two, l, rule));
        two.closeInto(shared, new WindowClosing(12 * MINUTE, 1, 2, false));
        one.closeInto(shared, new WindowClosing(13 * MINUTE, 0, 2, false));   // minute 10 can be judged now
        one.closeInto(shared, WindowClosing.last(0, 2));
        two.closeInto(shared, WindowClosing.last(1, 2));
        List<Attack> attacks = new ArrayList<>();
        shared.emit(attacks::add);

        List<Line> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(attacks).isEqualTo(reference(all, rule));
        assertThat(attacks).singleElement().satisfies(a -> assertThat(a.events()).isEqualTo(40));
    }

    private static List<Attack> reference(List<Line> lines, Threshold rule) {
        WindowedTallies all = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        lines.forEach(l -> add(all, l, rule));
        List<Attack> attacks = new ArrayList<>();
        all.emit(attacks::add);
        return attacks;
    }

    private record Streamed(List<Attack> attacks, long peakState, int quietJudgements) {}

    private static Streamed stream(List<Line> lines, Threshold rule, Random random) {
        WindowedTallies shared = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule);
        WindowedTallies[] workers = {
            new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule),
            new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, rule)
        };
        long latest = Long.MIN_VALUE;
        long peak = 0;
        for (int start = 0; start < lines.size(); ) {
            int end = Math.min(lines.size(), start + 200 + random.nextInt(2_000));
            int worker = random.nextInt(2);
            for (Line l : lines.subList(start, end)) {
                add(workers[worker], l, rule);
                latest = Math.max(latest, l.event().time());
            }
            start = end;
            workers[worker].closeInto(shared, new WindowClosing(latest - LATENESS, worker, 2, false));
            peak = Math.max(peak, shared.stateEntries() + workers[0].stateEntries() + workers[1].stateEntries());
        }
        List<Integer> order = new ArrayList<>(List.of(0, 1));
        Collections.shuffle(order, random);
        for (int w : order) {
            workers[w].closeInto(shared, WindowClosing.last(w, 2));
        }
        List<Attack> attacks = new ArrayList<>();
        shared.emit(attacks::add);
        return new Streamed(attacks, peak, shared.quietJudgements());
    }

    private static void add(WindowedTallies t, Line l, Threshold rule) {
        Event e = l.event();
        if (rule.minDistinct() > 0) {
            t.add(e.source(), l.target(), "sig", e, e.destinationPort() % 9);
        } else {
            t.add(e.source(), l.target(), "sig", e);
        }
    }

    /**
     * About one line per second from 5,000 sources, so a source rarely sends three in a minute;
     * every 15,000 lines or so one source sends 20 to 70 requests within 80 seconds, which reach the
     * threshold of 40 alone, with the next window, or not at all.
     */
    private static List<Line> quietWithBursts(Random random, int count) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long time = i * 1_000L + random.nextInt(60_000) - 30_000;
            IpAddress source = IpAddress.ofV4(0x0A00_0000 | random.nextInt(5_000));
            lines.add(line(source, time, i + 1));
            if (random.nextInt(15_000) == 0) {
                IpAddress burst = IpAddress.ofV4(0xC633_6400 | random.nextInt(256));
                int n = 20 + random.nextInt(51);
                for (int k = 0; k < n; k++) {
                    lines.add(line(burst, time + random.nextInt(80_000), i + 1));
                }
            }
        }
        return lines;
    }

    private static Line line(IpAddress source, long time, long lineNumber) {
        Event e = new Event(time, source, -1, null, 80, Protocol.TCP, "http", Outcome.REQUEST, 100, true,
                new InputPosition("a.log", lineNumber), null);
        return new Line(e, "http a");
    }

    /**
     * About one line per second from {@code start}, times jittered by up to a minute either way
     * (within the lateness). Half come from eight busy sources, two of them at a time, taking
     * turns every minute, so they make bursts that qualify alone, with a neighbour, or not at
     * all; the rest from thousands of others.
     */
    private static List<Line> log(Random random, int count, long start) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean busy = random.nextBoolean();
            int turn = (i / 60 + random.nextInt(2)) % 8;
            IpAddress source = IpAddress.ofV4(busy ? 0xC633_6400 | turn : 0x0A00_0000 | random.nextInt(5_000));
            long time = start + i * 1_000L + random.nextInt(120_000) - 60_000;
            String file = random.nextInt(5) == 0 ? "b.log" : "a.log";
            Event e = new Event(time, source, -1, null, random.nextInt(1_000), Protocol.TCP, "http", Outcome.REQUEST,
                    random.nextInt(4) == 0 ? -1 : random.nextInt(5_000), true, new InputPosition(file, i + 1), null);
            lines.add(new Line(e, random.nextInt(4) == 0 ? "http b" : "http a"));
        }
        return lines;
    }
}
