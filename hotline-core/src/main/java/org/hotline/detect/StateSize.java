package org.hotline.detect;

/**
 * What a detector holds, counted in entries: time-window cells, evidence positions and distinct
 * values. Every built-in detector implements it, so tests can check the promise of
 * {@link Detector} that state is bounded by distinct keys, not by the number of events: feeding
 * the same line again, or more lines of a key already saturated, must not change it.
 */
public interface StateSize {

    long stateEntries();
}
