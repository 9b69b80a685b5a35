package org.hotline.report.html;

import java.util.List;
import java.util.Locale;
import org.hotline.report.Cells;

/**
 * The report's charts, drawn as inline SVG when the report is written: no script, no library, so
 * the file shows the same in any browser, offline, years later.
 */
final class SvgCharts {
    static final String[] UNIT_COLOURS = {"#08519c", "#6baed6", "#bdbdbd"};
    static final String[] UNIT_NAMES = {"sources", "events", "bytes"};

    private SvgCharts() {}

    /** A row of a bar chart: percentages per unit (null = unknown, drawn as nothing). */
    record Bar(String label, String tooltip, Double... percents) {}

    /** One column of a time chart. */
    record Column(String label, long value, String tooltip) {}

    /** Horizontal bars, one group per row and one bar per unit, on a 0–100 % scale. */
    static void bars(StringBuilder sb, String aria, List<Bar> rows, int units) {
        int labelWidth = 200;
        int barWidth = 420;
        int barHeight = 7;
        int rowHeight = units * barHeight + 8;
        int height = rows.size() * rowHeight + 24;
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(labelWidth + barWidth + 60).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(aria)).append("\">\n");
        for (int r = 0; r < rows.size(); r++) {
            Bar b = rows.get(r);
            int y = r * rowHeight + 4;
            sb.append("<g><title>").append(Html.esc(b.tooltip())).append("</title>");
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    labelWidth - 6, y + rowHeight / 2 + 1, Html.esc(shorten(b.label(), 30))));
            for (int u = 0; u < units; u++) {
                Double p = b.percents()[u];
                if (p == null) {
                    continue;
                }
                double w = Math.max(0.5, p * barWidth / 100);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                        labelWidth, y + u * barHeight, w, barHeight - 1, UNIT_COLOURS[u]));
                sb.append(String.format(Locale.ROOT, "<text class=\"v\" x=\"%.1f\" y=\"%d\">%s</text>",
                        labelWidth + w + 3, y + u * barHeight + barHeight - 1, Cells.percent(p)));
            }
            sb.append("</g>\n");
        }
        int y = rows.size() * rowHeight + 16;
        for (int u = 0; u < units; u++) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"8\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%% of %s</text>", labelWidth + u * 110, y - 7, UNIT_COLOURS[u],
                    labelWidth + u * 110 + 14, y, UNIT_NAMES[u]));
        }
        sb.append("\n</svg>\n");
    }

    /** Vertical columns over time, scaled to the largest. */
    static void columns(StringBuilder sb, String aria, List<Column> columns) {
        int width = 860;
        int height = 200;
        int left = 50;
        int plot = width - left - 10;
        long max = 1;
        for (Column c : columns) {
            max = Math.max(max, c.value());
        }
        double w = (double) plot / Math.max(1, columns.size());
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height + 30)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(aria)).append("\">\n");
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                left, height, width - 10, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" text-anchor=\"end\">%s</text>", left - 4,
                Cells.count(max)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", left - 4, height));
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double h = c.value() * (height - 10.0) / max;
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s</title></rect>\n",
                    left + i * w, height - h, Math.max(0.5, w - (w > 3 ? 1 : 0)), h, UNIT_COLOURS[0], Html.esc(c.tooltip())));
        }
        if (!columns.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", left, height + 16,
                    Html.esc(columns.get(0).label())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", width - 10,
                    height + 16, Html.esc(columns.get(columns.size() - 1).label())));
        }
        sb.append("</svg>\n");
    }

    private static String shorten(String s, int max) {
        return s == null ? "-" : s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
