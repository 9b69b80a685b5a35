package org.hotline.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what one worker did with the lines of one input, the single place where every line is
 * accounted for (after IntelMQ's ParserBot). Mergeable, because several workers share an input.
 *
 * <p>Not thread-safe: each worker owns its instances until the pipeline merges them.
 */
public final class InputAccounting {
    /** Skipped lines kept with their reasons per input: enough to find the pattern, bounded in memory. */
    public static final int KEEP_SKIPPED = 10;

    long lines;
    long events;
    long ignored;
    long skipped;
    /** Events whose year came from the input's year rule (classic syslog lines have none of their own). */
    long yearInferred;
    /** Of the ignored lines, those another format reads as events ({@link org.hotline.parse.ParseSink#leftAside}), and which. */
    long leftAside;
    String leftAsideFor;
    private final List<SkippedLine> firstSkipped = new ArrayList<>();

    void event(boolean yearFromRule) {
        lines++;
        events++;
        if (yearFromRule) {
            yearInferred++;
        }
    }

    void ignored() {
        lines++;
        ignored++;
    }

    void leftAside(String otherFormat) {
        ignored();
        leftAside++;
        leftAsideFor = otherFormat;
    }

    void skipped(long line, String reason) {
        lines++;
        skipped++;
        keep(new SkippedLine(line, reason));
    }

    private void keep(SkippedLine s) {
        // Keep the lowest line numbers, whatever order blocks were processed in.
        if (firstSkipped.size() == KEEP_SKIPPED) {
            SkippedLine last = firstSkipped.get(KEEP_SKIPPED - 1);
            if (last.line() < s.line()) {
                return;
            }
            firstSkipped.remove(KEEP_SKIPPED - 1);
        }
        int i = firstSkipped.size();
        while (i > 0 && firstSkipped.get(i - 1).line() > s.line()) {
            i--;
        }
        firstSkipped.add(i, s);
    }

    void mergeFrom(InputAccounting other) {
        lines += other.lines;
        events += other.events;
        ignored += other.ignored;
        skipped += other.skipped;
        yearInferred += other.yearInferred;
        leftAside += other.leftAside;
        leftAsideFor = leftAsideFor != null ? leftAsideFor : other.leftAsideFor;
        other.firstSkipped.forEach(this::keep);
    }

    List<SkippedLine> firstSkipped() {
        return List.copyOf(firstSkipped);
    }
}
