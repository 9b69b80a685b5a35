package org.hotline.geo.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What loading a range file read: rows kept, rows skipped (malformed, or wholly inside an earlier
 * range), rows clipped because they overlapped an earlier range, and the first few problems with
 * their line numbers, for {@code geo info} and the report's warnings.
 *
 * @param problems the first {@link #KEPT_PROBLEMS} problems by line number
 */
public record LoadReport(String file, long rows, long skipped, long clipped, List<Problem> problems) {

    /** Problems kept per file; the counts go on. */
    public static final int KEPT_PROBLEMS = 10;

    /** One row not used as it was: its line, the column at fault and why; {@code clipped} when part of it was kept. */
    public record Problem(long line, String reason, boolean clipped) {}

    public LoadReport {
        problems = List.copyOf(problems);
    }

    /** "FILE line N: reason" for each problem kept. */
    public List<String> firstProblems() {
        return problems.stream().map(p -> file + " line " + p.line() + ": " + p.reason()).toList();
    }

    /** This file's report with what building the table found among its rows. */
    LoadReport withOverlaps(long dropped, long clippedRows, List<Problem> found) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(found);
        all.sort(Comparator.comparingLong(Problem::line));
        return new LoadReport(file, rows - dropped, skipped + dropped, clipped + clippedRows,
                all.subList(0, Math.min(KEPT_PROBLEMS, all.size())));
    }

    /**
     * One sentence for a report's warnings — how many rows were skipped or clipped, at which lines,
     * and the first reason — or null when every row was used as it was.
     */
    public String warning() {
        if (skipped == 0 && clipped == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (skipped > 0) {
            List<Problem> shown = problems.stream().filter(p -> !p.clipped()).toList();
            parts.add(skipped + " of " + (rows + skipped) + " rows skipped (" + lines(shown, skipped)
                    + (shown.isEmpty() ? "" : "; first: " + shown.get(0).reason()) + ")");
        }
        if (clipped > 0) {
            List<Problem> shown = problems.stream().filter(Problem::clipped).toList();
            parts.add(clipped + (clipped == 1 ? " row clipped where it overlaps an earlier range ("
                    : " rows clipped where they overlap earlier ranges (") + lines(shown, clipped) + ")");
        }
        return file + ": " + String.join(", ", parts);
    }

    private static String lines(List<Problem> shown, long count) {
        if (shown.isEmpty()) {
            return "lines not kept";
        }
        List<String> numbers = shown.stream().map(p -> Long.toString(p.line())).toList();
        return (numbers.size() == 1 && count == 1 ? "line " : "lines ") + String.join(", ", numbers)
                + (count > numbers.size() ? ", ..." : "");
    }
}
