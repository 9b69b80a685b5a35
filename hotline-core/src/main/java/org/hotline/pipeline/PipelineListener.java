package org.hotline.pipeline;

import org.hotline.source.SourceInfo;

/**
 * Observes a run: the CLI's progress bar hangs here, as could metrics. After OkHttp's EventListener:
 * methods are called on the pipeline's reader thread, must be fast, and must never throw.
 */
public interface PipelineListener {
    PipelineListener NONE = new PipelineListener() {};

    /** An input was opened and its format decided. */
    default void inputStarted(SourceInfo info, String format) {}

    /**
     * Another block of {@code info} was read: {@code position} bytes of {@code info.size()} (compressed
     * bytes for gzip; size is -1 for pipes), {@code lines} lines so far.
     */
    default void progress(SourceInfo info, long position, long lines) {}

    /** An input is done (or failed: see {@link InputSummary#error()}). Its counts may still grow
     * while workers finish its last blocks; the final ones are in the pipeline's result. {@code info}
     * is never null: for an input that could not be opened it holds only the name. */
    default void inputFinished(SourceInfo info, String error) {}
}
