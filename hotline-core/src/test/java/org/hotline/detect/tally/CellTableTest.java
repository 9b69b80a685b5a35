package org.hotline.detect.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CellTable} against a plain model of what a run of windows saw: random events (a few
 * sources, two targets, three files, repeated lines, cells from one to dozens of events, so
 * evidence stays inline, spills to the pool and fills it), split over two tables in random order and
 * merged, must give exactly the attacks the model computes with {@link EarliestPositions}.
 */
class CellTableTest {
    private static final long MINUTE = 60_000L;

    private record Key(IpAddress source, String target, long window) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void splitMergedTablesGiveTheModelsAttacks(long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            IpAddress source = IpAddress.ofV4(0xC000_0200 | random.nextInt(6));
            long time = random.nextInt(40) * MINUTE + random.nextInt(60_000);
            String file = List.of("b.log", "a.log", "c.log").get(random.nextInt(3));
            long bytes = random.nextInt(4) == 0 ? -1 : random.nextInt(1000);
            events.add(new Event(time, source, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, bytes, true,
                    new InputPosition(file, 1 + random.nextInt(400)), null));
            targets.add(random.nextBoolean() ? "http a" : "http b");
        }
        WindowedTallies one = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, Threshold.events(1));
        WindowedTallies two = new WindowedTallies(AttackType.REQUEST_FLOOD, MINUTE, Threshold.events(1));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i : order) {
            (random.nextBoolean() ? one : two).add(events.get(i).source(), targets.get(i), "sig", events.get(i));
        }
        one.mergeFrom(two);
        List<Attack> actual = new ArrayList<>();
        one.emit(actual::add);
        assertThat(actual).isEqualTo(model(events, targets));
    }

    /**
     * Evidence keeps its file through moves that renumber files: the cells a table keeps get new
     * file numbers at each move, and a table it moves cells into must not translate them by its
     * memory of an older numbering (the second move sends nothing there, so that memory is not
     * refreshed; a version that reused the arrays of the move before last got this wrong).
     */
    @Test
    void evidenceKeepsItsFileAcrossMovesThatReuseArrays() {
        CellTable worker = new CellTable(0);
        CellTable shared = new CellTable(0);
        CellTable late = new CellTable(0);
        IpAddress source = IpAddress.parse("192.0.2.7");
        worker.add(worker.claim(source, "t", "s", 1), event(source, "a.log", 11));
        worker.add(worker.claim(source, "t", "s", 5), event(source, "b.log", 12));
        worker.moveBelow(2, shared);                              // window 1 (a.log) moves, 5 (b.log) stays

        worker.add(worker.claim(source, "t", "s", 10), event(source, "c.log", 13));
        worker.moveBelow(6, late);                                // window 5 goes elsewhere: nothing into shared

        worker.moveBelow(Long.MAX_VALUE, shared);                 // window 10 (c.log) moves
        Tally tally = new Tally();
        shared.addTo(shared.claim(source, "t", "s", 10), tally);
        assertThat(tally.evidence.toList()).containsExactly(new InputPosition("c.log", 13));
        Tally first = new Tally();
        shared.addTo(shared.claim(source, "t", "s", 1), first);
        assertThat(first.evidence.toList()).containsExactly(new InputPosition("a.log", 11));
        Tally moved = new Tally();
        late.addTo(late.claim(source, "t", "s", 5), moved);
        assertThat(moved.evidence.toList()).containsExactly(new InputPosition("b.log", 12));
    }

    private static Event event(IpAddress source, String file, long line) {
        return new Event(line * MINUTE, source, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, 100, true,
                new InputPosition(file, line), null);
    }

    /** Every cell qualifies (threshold 1), so each run of adjacent windows of a key is one attack. */
    private static List<Attack> model(List<Event> events, List<String> targets) {
        Comparator<Key> order = Comparator.comparing(Key::source).thenComparing(Key::target).thenComparingLong(Key::window);
        Map<Key, List<Event>> cells = new TreeMap<>(order);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            cells.computeIfAbsent(new Key(e.source(), targets.get(i), Math.floorDiv(e.time(), MINUTE)), k -> new ArrayList<>()).add(e);
        }
        List<Attack> attacks = new ArrayList<>();
        List<Event> run = new ArrayList<>();
        Key previous = null;
        for (Map.Entry<Key, List<Event>> cell : cells.entrySet()) {
            Key k = cell.getKey();
            if (previous != null && !(previous.source().equals(k.source()) && previous.target().equals(k.target())
                    && previous.window() + 1 == k.window())) {
                attacks.add(attack(previous, run));
                run = new ArrayList<>();
            }
            run.addAll(cell.getValue());
            previous = k;
        }
        if (previous != null) {
            attacks.add(attack(previous, run));
        }
        return attacks;
    }

    private static Attack attack(Key key, List<Event> run) {
        EarliestPositions evidence = new EarliestPositions();
        long bytes = -1;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Event e : run) {
            evidence.offer(e.position());
            if (e.bytes() >= 0) {
                bytes = Math.max(bytes, 0) + e.bytes();
            }
            first = Math.min(first, e.time());
            last = Math.max(last, e.time());
        }
        return new Attack(AttackType.REQUEST_FLOOD, "sig", key.source(), key.target(), first, last, run.size(), bytes,
                -1, run.get(0).verification(), evidence.toList());
    }
}
