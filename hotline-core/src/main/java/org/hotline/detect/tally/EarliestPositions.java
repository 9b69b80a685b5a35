package org.hotline.detect.tally;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.event.InputPosition;

/**
 * The first {@link Attack#MAX_EVIDENCE} distinct positions offered, in input order: by file name,
 * then line. Keeping the earliest (not the first seen) is what makes evidence independent of how
 * blocks were spread over threads; an equal position offered again is kept once, so repeating a
 * line does not crowd out others.
 *
 * <p>Cheap on the common path: events of one block arrive in line order, so once full, a later
 * position is refused after one comparison with the last kept.
 */
public final class EarliestPositions {
    /** Input order: file name, then line number. */
    public static final Comparator<InputPosition> INPUT_ORDER =
            Comparator.comparing(InputPosition::file).thenComparingLong(InputPosition::line);

    private static final int LIMIT = Attack.MAX_EVIDENCE;

    /** Grows 2, 4, 8, 10: most tallies (one source, one minute) hold one or two events. */
    private InputPosition[] kept = new InputPosition[2];
    private int size;

    public void offer(InputPosition p) {
        if (size == LIMIT && INPUT_ORDER.compare(p, kept[size - 1]) >= 0) {
            return;
        }
        int at = Arrays.binarySearch(kept, 0, size, p, INPUT_ORDER);
        if (at >= 0) {
            return;
        }
        if (size == kept.length && size < LIMIT) {
            kept = Arrays.copyOf(kept, Math.min(LIMIT, size * 2));
        }
        int insert = -at - 1;
        int keep = Math.min(size, LIMIT - 1);
        System.arraycopy(kept, insert, kept, insert + 1, keep - insert);
        kept[insert] = p;
        size = keep + 1;
    }

    public void mergeFrom(EarliestPositions other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.kept[i]);
        }
    }

    public int size() {
        return size;
    }

    public List<InputPosition> toList() {
        return List.of(Arrays.copyOf(kept, size));
    }
}
