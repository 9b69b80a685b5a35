package org.hotline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotline.detect.tally.EarliestPositions;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.junit.jupiter.api.Test;

/**
 * What every detector promises the pipeline ({@link Detector}'s Javadoc), checked on real events.
 * A detector's test {@code implements DetectorContract} and supplies its spec and a fixture of real
 * events on which it finds attacks; these tests then run on that fixture.
 */
public interface DetectorContract {

    /** The registered spec of the detector under test. */
    DetectorSpec spec();

    /** Real events in input order, on which the detector with {@link #settings()} finds attacks. */
    List<Event> fixture();

    /** The settings the contract runs with: the defaults, unless the fixture is too small for them. */
    default DetectorSettings settings() {
        return spec().defaults();
    }

    default Detector newDetector() {
        return spec().create(settings());
    }

    /** One instance, events in the given order. */
    default List<Attack> run(List<Event> events) {
        Detector d = newDetector();
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    @Test
    default void emptyInputGivesNoAttacks() {
        assertThat(run(List.of())).isEmpty();
    }

    @Test
    default void fixtureGivesAttacks() {
        // Without attacks on the fixture the other checks here would prove nothing.
        assertThat(run(fixture())).isNotEmpty();
    }

    @Test
    default void everyInstanceIsFreshAndMeasurable() {
        Detector first = newDetector();
        fixture().forEach(first::accept);
        Detector second = newDetector();
        List<Attack> fromSecond = new ArrayList<>();
        second.finish(fromSecond::add);
        assertThat(fromSecond).isEmpty();
        assertThat(first).isInstanceOf(StateSize.class);
        assertThat(((StateSize) first).stateEntries()).isPositive();
    }

    @Test
    default void shuffledSplitAndMergedGivesTheSameAttacks() {
        List<Attack> inOrder = run(fixture());
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            List<Event> shuffled = new ArrayList<>(fixture());
            Collections.shuffle(shuffled, random);
            int parts = 2 + (int) (seed % 2);
            List<Detector> workers = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                workers.add(newDetector());
            }
            for (Event e : shuffled) {
                workers.get(random.nextInt(parts)).accept(e);
            }
            Detector into = workers.get(parts - 1);
            for (int p = parts - 2; p >= 0; p--) {
                into.mergeFrom(workers.get(p));
            }
            List<Attack> merged = new ArrayList<>();
            into.finish(merged::add);
            assertThat(merged).as("seed %d, %d workers", seed, parts).isEqualTo(inOrder);
        }
    }

    @Test
    default void evidenceIsTheEarliestPositionsInInputOrder() {
        List<Event> fixture = fixture();
        Set<InputPosition> positions = new HashSet<>();
        fixture.forEach(e -> positions.add(e.position()));
        List<Attack> attacks = run(fixture);
        for (Attack a : attacks) {
            List<InputPosition> evidence = a.evidence();
            assertThat(evidence).as("evidence of %s", a).hasSize((int) Math.min(a.events(), Attack.MAX_EVIDENCE));
            assertThat(evidence).isSortedAccordingTo(EarliestPositions.INPUT_ORDER).doesNotHaveDuplicates();
            assertThat(positions).containsAll(evidence);
        }
        // An event earlier than an attack's last evidence but not among it must not belong to the
        // attack: moved to the very front (position and arrival), it must not become its evidence.
        InputPosition front = new InputPosition("", 1);
        int checked = 0;
        for (Attack a : attacks) {
            if (a.evidence().size() < Attack.MAX_EVIDENCE) {
                continue;
            }
            InputPosition last = a.evidence().get(a.evidence().size() - 1);
            for (int i = 0; i < fixture.size() && checked < 40; i++) {
                Event e = fixture.get(i);
                if (EarliestPositions.INPUT_ORDER.compare(e.position(), last) >= 0 || a.evidence().contains(e.position())) {
                    continue;
                }
                List<Event> moved = new ArrayList<>(fixture);
                moved.remove(i);
                moved.add(0, FixtureEvents.at(e, front));
                Attack same = sameAttack(run(moved), a);
                assertThat(same.evidence()).as("%s moved to the front, against %s", e, a).doesNotContain(front);
                checked++;
            }
        }
    }

    private static Attack sameAttack(List<Attack> attacks, Attack a) {
        for (Attack b : attacks) {
            if (b.type() == a.type() && b.signature().equals(a.signature()) && b.source().equals(a.source())
                    && b.target().equals(a.target()) && b.firstSeen() == a.firstSeen() && b.events() == a.events()) {
                return b;
            }
        }
        throw new AssertionError("attack vanished when an event moved: " + a);
    }

    @Test
    default void repeatedLinesDoNotGrowState() {
        List<Event> fixture = fixture();
        long once = stateAfter(fixture, 1, false);
        assertThat(stateAfter(fixture, 3, false)).as("the same lines fed three times").isEqualTo(once);
        // Copies at new, later lines fill evidence up to its bound, then nothing grows any more.
        assertThat(stateAfter(fixture, 40, true)).as("40 copies vs 20").isEqualTo(stateAfter(fixture, 20, true));
    }

    private long stateAfter(List<Event> fixture, int copies, boolean newLines) {
        Detector d = newDetector();
        for (int c = 0; c < copies; c++) {
            for (Event e : fixture) {
                d.accept(newLines && c > 0
                        ? FixtureEvents.at(e, new InputPosition(e.position().file(), e.position().line() + 10_000_000L * c))
                        : e);
            }
        }
        return ((StateSize) d).stateEntries();
    }
}
