package org.hotline.event;

/**
 * Where an event came from: the input's name as the user gave it (path, or "-" for stdin) and the
 * 1-based line number. Evidence in reports and materials points back here, so a counterpart can
 * find the very line.
 */
public record InputPosition(String file, long line) {
    public InputPosition {
        if (file == null) {
            throw new IllegalArgumentException("file == null");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }

    // Written out rather than generated: a record's generated equals and hashCode are linked on
    // first call by spinning method-handle classes at run time (~20 per method), which the
    // class-data archive cannot hold, on every run.
    @Override
    public boolean equals(Object o) {
        return o instanceof InputPosition p && p.line == line && p.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Long.hashCode(line);
    }
}
