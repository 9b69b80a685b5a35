package org.hotline.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns that fits a width: when it would not, the widest text
 * column is cut and marked with "~". Cells are cleaned of control characters on the way in.
 */
final class TextTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a column; {@code numeric} columns are right-aligned. */
    TextTable column(String header, boolean numeric) {
        headers.add(header);
        right.add(numeric);
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        String[] clean = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            clean[i] = Cells.clean(cells[i]);
        }
        rows.add(clean);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void render(StringBuilder out, String indent, int width) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = headers.get(i).length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        int total = indent.length() + 2 * (n - 1);
        for (int x : w) {
            total += x;
        }
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < n; i++) {
                if (!right.get(i) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0 || w[widest] <= 8) {
                break;
            }
            int cut = Math.min(total - width, w[widest] - 8);
            w[widest] -= cut;
            total -= cut;
        }
        line(out, indent, headers.toArray(new String[0]), w);
        for (String[] r : rows) {
            line(out, indent, r, w);
        }
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].length() > w[i] ? cells[i].substring(0, w[i] - 1) + "~" : cells[i];
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(w[i] - c.length());
            sb.append(right.get(i) ? pad + c : c + pad);
        }
        out.append(sb.toString().stripTrailing()).append('\n');
    }
}
