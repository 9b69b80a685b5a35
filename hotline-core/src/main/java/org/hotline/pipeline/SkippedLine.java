package org.hotline.pipeline;

/** A line that was counted and skipped, and why: "line 3: no client address". */
public record SkippedLine(long line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
