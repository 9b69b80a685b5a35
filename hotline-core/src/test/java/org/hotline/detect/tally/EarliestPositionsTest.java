package org.hotline.detect.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hotline.detect.Attack;
import org.hotline.event.InputPosition;
import org.junit.jupiter.api.Test;

class EarliestPositionsTest {

    @Test
    void keepsTheEarliestWhateverTheOrderAndSplit() {
        List<InputPosition> all = new ArrayList<>();
        for (int line = 1; line <= 200; line++) {
            all.add(new InputPosition(line % 3 == 0 ? "b.log" : "a.log", line));
        }
        List<InputPosition> sorted = new ArrayList<>(all);
        sorted.sort(EarliestPositions.INPUT_ORDER);
        List<InputPosition> expected = sorted.subList(0, Attack.MAX_EVIDENCE);
        for (long seed = 0; seed < 20; seed++) {
            List<InputPosition> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(seed));
            EarliestPositions left = new EarliestPositions();
            EarliestPositions right = new EarliestPositions();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % 2 == 0 ? left : right).offer(shuffled.get(i));
            }
            right.mergeFrom(left);
            assertThat(right.toList()).isEqualTo(expected);
        }
        assertThat(expected).allMatch(p -> p.file().equals("a.log"));
    }

    @Test
    void theSamePositionIsKeptOnce() {
        EarliestPositions e = new EarliestPositions();
        for (int i = 0; i < 5; i++) {
            e.offer(new InputPosition("a.log", 7));
        }
        e.offer(new InputPosition("a.log", 3));
        assertThat(e.toList()).containsExactly(new InputPosition("a.log", 3), new InputPosition("a.log", 7));
    }
}
