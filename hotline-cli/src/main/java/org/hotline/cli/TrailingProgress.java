package org.hotline.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.SourceInfo;

/**
 * Progress of a followed log (--follow): the bar and --progress-json show a few updates a second at
 * most, so the last block of a burst of lines was often not shown, and while the log was quiet the
 * count stood at where the burst began. This passes the latest progress on again once things are
 * quiet, so what is shown catches up within {@link #CATCH_UP_MILLIS}.
 *
 * <p>The pipeline calls from its reader thread and the catch-up comes from a timer thread: both go
 * through this object's lock, so the progress it wraps sees one call at a time.
 */
final class TrailingProgress implements PipelineListener, AutoCloseable {
    static final long CATCH_UP_MILLIS = 300;

    private final PipelineListener shown;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotline-progress");
        t.setDaemon(true);
        return t;
    });
    private SourceInfo info;
    private long position;
    private long lines;
    /** Progress came since the last catch-up, which may not have been shown. */
    private boolean fresh;

    TrailingProgress(PipelineListener shown) {
        this.shown = shown;
        timer.scheduleWithFixedDelay(this::catchUp, CATCH_UP_MILLIS, CATCH_UP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void inputStarted(SourceInfo info, String format) {
        shown.inputStarted(info, format);
    }

    @Override
    public synchronized void progress(SourceInfo info, long position, long lines) {
        this.info = info;
        this.position = position;
        this.lines = lines;
        fresh = true;
        shown.progress(info, position, lines);
    }

    /** Called on the timer: passes the latest progress on again, once, after lines stopped coming. */
    private synchronized void catchUp() {
        if (fresh) {
            fresh = false;
            return;   // lines still coming: the next block will be shown soon enough
        }
        if (info != null) {
            shown.progress(info, position, lines);
            info = null;
        }
    }

    @Override
    public synchronized void inputFinished(SourceInfo info, String error) {
        this.info = null;
        shown.inputFinished(info, error);
    }

    /** Stops the catch-up, and waits for one under way: the bar must not be drawn again over the report. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
