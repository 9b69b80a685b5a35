package org.hotline.detect;

import org.hotline.event.Event;

/**
 * Finds attacks of one kind in a stream of events.
 *
 * <p>The pipeline gives each worker thread its own instance (from the registry's factory), feeds it
 * the events of the blocks that worker parsed — in no particular order across blocks — and makes one
 * more, shared instance. As the input is read past a time, each worker hands over what it holds
 * about the windows that closed before it ({@link #closeWindows}), at the end everything; then the
 * pipeline calls {@link #finish} on the shared instance. So obligations of implementers:
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

    /**
     * Hands over to {@code shared} (an instance from the same factory that gathers every worker's
     * state and finishes the run) the state about time windows that {@code closing} closes, so
     * that memory holds the windows still open rather than the whole span of the input. Called by
     * the worker that owns this instance, between blocks; concurrent calls from other workers
     * with the same {@code shared} are possible, so the shared side must synchronise.
     *
     * <p>The default keeps everything to the end and then merges it in, which is always correct.
     */
    default void closeWindows(WindowClosing closing, Detector shared) {
        if (closing.isLast()) {
            synchronized (shared) {
                shared.mergeFrom(this);
            }
        }
    }

    /** Emits the attacks found; called once, after the last merge. */
    void finish(AttackSink sink);
}
