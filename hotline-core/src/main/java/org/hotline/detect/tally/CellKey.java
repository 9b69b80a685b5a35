package org.hotline.detect.tally;

import java.util.Comparator;
import org.hotline.event.IpAddress;

/**
 * (source, target, signature, window): where a {@link Tally} lives.
 *
 * <p>Hazard: the fields are mutable so that {@link WindowedTallies} can look a key up with one
 * reused probe instead of allocating a key per event. A key that is in a map is a copy and is never
 * changed; only the probe is, and the probe never goes into a map.
 */
final class CellKey {
    /** Window number of events without a time: one bucket per key, never adjacent to another. */
    static final long UNTIMED = Long.MIN_VALUE;

    static final Comparator<CellKey> ORDER = Comparator.<CellKey, IpAddress>comparing(k -> k.source)
            .thenComparing(k -> k.target)
            .thenComparing(k -> k.signature)
            .thenComparingLong(k -> k.window);

    IpAddress source;
    String target;
    String signature;
    long window;

    CellKey set(IpAddress source, String target, String signature, long window) {
        this.source = source;
        this.target = target;
        this.signature = signature;
        this.window = window;
        return this;
    }

    CellKey copy() {
        return new CellKey().set(source, target, signature, window);
    }

    boolean sameKey(CellKey o) {
        return source.equals(o.source) && target.equals(o.target) && signature.equals(o.signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellKey k && k.window == window && sameKey(k);
    }

    @Override
    public int hashCode() {
        int h = source.hashCode();
        h = h * 31 + target.hashCode();
        h = h * 31 + signature.hashCode();
        return h * 31 + Long.hashCode(window);
    }
}
