package org.hotline.geo.csv;

import java.util.List;

/**
 * What loading a range file read: rows kept, rows skipped, rows clipped because they overlapped
 * earlier rows, and the first few problems, each naming the file, line and column, for the report's
 * input accounting.
 */
public record LoadReport(String file, long rows, long skipped, long clipped, List<String> firstProblems) {

    public LoadReport {
        firstProblems = List.copyOf(firstProblems);
    }
}
