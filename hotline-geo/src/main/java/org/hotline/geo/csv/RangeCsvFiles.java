package org.hotline.geo.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Range CSV files read into one {@link RangeTable}, and what loading each file found: the one
 * loading step of {@link RangeCsvEnricher} and {@link AsnCsvConverter}, so a CSV given to
 * {@code analyze} and the mmdb {@code geo update} converts from it answer alike.
 */
record RangeCsvFiles(RangeTable table, List<LoadReport> reports) {

    RangeCsvFiles {
        reports = List.copyOf(reports);
    }

    /** Turns a row's columns after start and end into the index of its value, or throws {@link BadValue}. */
    @FunctionalInterface
    interface RowValue {
        int index(List<String> values);
    }

    /** A row whose value is not what the file's kind holds; the message names the column. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String reason) {
            super(reason, null, false, false);   // one per bad row, caught at once: no stack trace
        }
    }

    /**
     * Reads {@code files} (each needing one value column at least), in any row order.
     *
     * @throws org.hotline.InputException when a file cannot be read or has no usable row, or rows
     *     of different files overlap
     */
    static RangeCsvFiles load(List<Path> files, RowValue values) {
        RangeTable.Builder builder = new RangeTable.Builder(files.stream().map(f -> f.getFileName().toString()).toList());
        List<LoadReport> read = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int file = i;
            read.add(RangeCsvReader.read(files.get(i), 1, (first, last, columns, line) -> {
                try {
                    builder.add(first, last, values.index(columns), file, line);
                    return null;
                } catch (BadValue e) {
                    return e.getMessage();
                }
            }));
        }
        RangeTable table = builder.build();
        List<LoadReport> reports = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            RangeTable.Overlaps o = table.overlaps(i);
            reports.add(read.get(i).withOverlaps(o.dropped(), o.clipped(), o.first()));
        }
        return new RangeCsvFiles(table, reports);
    }
}
