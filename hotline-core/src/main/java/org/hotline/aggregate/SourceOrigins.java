package org.hotline.aggregate;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hotline.enrich.Origin;
import org.hotline.event.IpAddress;

/**
 * Every distinct source's origin, looked up once by {@link OriginReportBuilder#resolve}: all of them
 * in the tally's order, for the passes over every source (events by country, the databases'
 * coverage), and the attacking sources by address, for the attack tables and the materials.
 *
 * <p>Why not one map of every source: the 10M-line bench log has 377,000 sources and 9,000 of them
 * attack. Filling a map of all of them took 80 ms on one thread after the analysis, and each pass
 * over every source then looked each one up again at random in ~30 MB of map (the coverage check:
 * 75 ms); in the tally's order the passes read an array front to back.
 */
public final class SourceOrigins {
    private final Origin[] inTallyOrder;
    /** The indices of {@link #inTallyOrder} in the order the origins were looked up (by address). */
    private final int[] lookupOrder;
    private final Map<IpAddress, Origin> attackers;

    SourceOrigins(Origin[] inTallyOrder, int[] lookupOrder, Map<IpAddress, Origin> attackers) {
        if (lookupOrder.length != inTallyOrder.length) {
            throw new IllegalArgumentException(lookupOrder.length + " indices for " + inTallyOrder.length + " origins");
        }
        this.inTallyOrder = inTallyOrder;
        this.lookupOrder = lookupOrder;
        this.attackers = Collections.unmodifiableMap(attackers);
    }

    /** Every distinct source's origin, in the order {@link SourceTally#forEachSource} visits the sources. */
    public List<Origin> all() {
        return Collections.unmodifiableList(Arrays.asList(inTallyOrder));
    }

    /**
     * The same origins in the order they were looked up, which is about the order they lie in memory:
     * for a pass that does not care about order (the coverage check). In the tally's order each of
     * 377,000 origins (10M-line bench log) was a cache miss of its own.
     */
    public List<Origin> inLookupOrder() {
        return new AbstractList<>() {
            @Override
            public Origin get(int index) {
                return inTallyOrder[lookupOrder[index]];
            }

            @Override
            public int size() {
                return lookupOrder.length;
            }
        };
    }

    /** The origin of every source of an attack, by address. */
    public Map<IpAddress, Origin> attackers() {
        return attackers;
    }
}
