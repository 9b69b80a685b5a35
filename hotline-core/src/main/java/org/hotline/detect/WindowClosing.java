package org.hotline.detect;

/**
 * A worker's word that time windows ending at or before {@code before} are closed: the input has
 * been read past them, by more than the lateness the run allows (see {@link Detector#closeWindows}).
 *
 * @param before  epoch millis; {@link Long#MAX_VALUE} at the end of the run, when every window closes,
 *                those of events without a time too
 * @param worker  the worker's number, 0 to {@code workers - 1}
 * @param workers how many workers hand over their windows
 * @param forced  hand over now, even if the detector would rather wait until it holds more (a
 *                worker does this when it starts on a new input, so that lines of an input older
 *                than the ones before are late on every worker alike)
 */
public record WindowClosing(long before, int worker, int workers, boolean forced) {
    public WindowClosing {
        if (workers < 1 || worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker " + worker + " of " + workers);
        }
    }

    /** The end of the run for {@code worker}: everything it holds is handed over. */
    public static WindowClosing last(int worker, int workers) {
        return new WindowClosing(Long.MAX_VALUE, worker, workers, true);
    }

    public boolean isLast() {
        return before == Long.MAX_VALUE;
    }
}
