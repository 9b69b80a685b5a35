package org.hotline.aggregate;

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
    private final Map<IpAddress, Origin> attackers;

    SourceOrigins(Origin[] inTallyOrder, Map<IpAddress, Origin> attackers) {
        this.inTallyOrder = inTallyOrder;
        this.attackers = Collections.unmodifiableMap(attackers);
    }

    /** Every distinct source's origin, in the order {@link SourceTally#forEachSource} visits the sources. */
    public List<Origin> all() {
        return Collections.unmodifiableList(Arrays.asList(inTallyOrder));
    }

    /** The origin of every source of an attack, by address. */
    public Map<IpAddress, Origin> attackers() {
        return attackers;
    }
}
