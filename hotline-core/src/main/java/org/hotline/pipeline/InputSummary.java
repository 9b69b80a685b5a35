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
 */
public record InputSummary(String name, String format, boolean formatForced, long bytes, boolean compressed,
                           long lines, long events, long ignored, long skipped, List<SkippedLine> firstSkipped,
                           String timeRule, String error) {
    public InputSummary {
        firstSkipped = List.copyOf(firstSkipped);
    }

    public boolean failed() {
        return error != null;
    }
}
