package org.hotline.cli;

import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.SourceInfo;

/**
 * A one-line progress bar on stderr for long analyses: input, percentage of bytes (compressed bytes
 * for .gz), lines and rate. Redrawn at most 10 times a second; only used when a person is watching
 * (a terminal), never when output is piped or redirected.
 */
final class TerminalProgress implements PipelineListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastDraw;
    /** Lines so far per input: several are read at once when they are merged by time. */
    private final Map<SourceInfo, Long> linesPerInput = new IdentityHashMap<>();
    private long total;
    private boolean drawn;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void progress(SourceInfo info, long position, long lines) {
        Long before = linesPerInput.put(info, lines);
        total += lines - (before == null ? 0 : before);
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        String bar;
        if (info.size() > 0) {
            double share = Math.min(1.0, (double) position / info.size());
            int filled = (int) Math.round(share * 24);
            bar = "[" + "=".repeat(filled) + " ".repeat(24 - filled) + "] " + String.format(Locale.ROOT, "%3.0f%%", share * 100);
        } else {
            bar = "[streaming]";
        }
        String name = info.name().length() > 32 ? "…" + info.name().substring(info.name().length() - 31) : info.name();
        err.print(String.format(Locale.ROOT, "\r%s %s  %,d lines  %,.0f lines/s   ", bar, name, total, total / seconds));
        err.flush();
        drawn = true;
    }

    @Override
    public void inputFinished(SourceInfo info, String error) {
        if (error != null) {
            clear();
            err.println("hotline: " + error);
        }
    }

    /** Removes the bar before the report is printed. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
