package org.hotline.aggregate;

import org.hotline.event.Event;

/**
 * Tallies every event (not only attacks) per source, so the report can say how all traffic splits by
 * country as well as how attacks do. Like a {@link org.hotline.detect.Detector}, each pipeline worker
 * has its own instance and the instances are merged at the end; the same obligations apply: order
 * does not matter, state is bounded by distinct sources, {@link #accept} is fast and never throws.
 */
public interface Aggregator {

    void accept(Event event);

    /** Folds in another instance made by the same factory. */
    void mergeFrom(Aggregator other);
}
