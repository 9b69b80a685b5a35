package org.hotline.pipeline;

import java.util.List;

/**
 * What happened to one input: the report's input accounting. {@code lines = events + ignored + skipped}
 * always holds for the lines that were read, so nothing is dropped silently.
 *
 * @param name         as the user gave it
 * @param format       the format used (detected or forced), null if it could not be decided
 * @param formatForced true if {@code --format} chose it
 * @param bytes        size on disk, -1 when unknown
 * @param compressed   gzip input
 * @param lines        lines read
 * @param events       lines that became events
 * @param ignored      well-formed lines that are not events by design (and blank lines)
 * @param skipped      malformed lines, counted and skipped
 * @param firstSkipped the first {@link InputAccounting#KEEP_SKIPPED} skipped lines with reasons
 * @param timeRule     how year-less timestamps got their year, null when no event's timestamp lacked one
 * @param error        why reading stopped early or never began (the lines before still count), or null
 * @param leftAside    of the ignored lines, those another format reads as events (a kernel packet-log
 *                     line in an sshd log, ...)
 * @param leftAsideFor that format, null when {@code leftAside} is 0
 */
public record InputSummary(String name, String format, boolean formatForced, long bytes, boolean compressed,
                           long lines, long events, long ignored, long skipped, List<SkippedLine> firstSkipped,
                           String timeRule, String error, long leftAside, String leftAsideFor) {
    public InputSummary {
        firstSkipped = List.copyOf(firstSkipped);
    }

    /** Without lines another format would read: what inputs read whole, and summaries made elsewhere, have. */
    public InputSummary(String name, String format, boolean formatForced, long bytes, boolean compressed,
                        long lines, long events, long ignored, long skipped, List<SkippedLine> firstSkipped,
                        String timeRule, String error) {
        this(name, format, formatForced, bytes, compressed, lines, events, ignored, skipped, firstSkipped, timeRule, error, 0, null);
    }

    public boolean failed() {
        return error != null;
    }
}
