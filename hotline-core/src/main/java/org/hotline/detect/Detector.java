package org.hotline.detect;

import org.hotline.event.Event;

/**
 * Finds attacks of one kind in a stream of events.
 *
 * <p>The pipeline gives each worker thread its own instance (from the registry's factory), feeds it
 * the events of the blocks that worker parsed — in no particular order across blocks — then merges
 * the instances and calls {@link #finish} on the result. So obligations of implementers:
 * <ul>
 *   <li>State must not depend on event order: keep counts, sets, minima and maxima per key (e.g. per
 *       source and time window), never "the previous event".</li>
 *   <li>State is bounded by distinct keys (sources, windows), never by the number of events: keep at
 *       most {@link Attack#MAX_EVIDENCE} evidence positions per key, the earliest in input order.</li>
 *   <li>{@link #accept} must be fast and must not throw: it runs once per event.</li>
 * </ul>
 */
public interface Detector {

    void accept(Event event);

    /** Folds in the state of another instance of the same detector (made by the same factory). */
    void mergeFrom(Detector other);

    /** Emits the attacks found; called once, after the last merge. */
    void finish(AttackSink sink);
}
