package org.hotline.report.html;

import java.util.ArrayList;
import java.util.List;

/** An HTML table whose cells are plain text, escaped here; numeric columns are right-aligned. */
final class HtmlTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    HtmlTable column(String header, boolean isNumeric) {
        headers.add(header);
        numeric.add(isNumeric);
        return this;
    }

    HtmlTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    void render(StringBuilder sb) {
        if (rows.isEmpty()) {
            sb.append("<p class=\"none\">(none)</p>\n");
            return;
        }
        sb.append("<table><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(numeric.get(i) ? "<th class=\"n\">" : "<th>").append(Html.esc(headers.get(i))).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (String[] r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                sb.append(numeric.get(i) ? "<td class=\"n\">" : "<td>").append(Html.esc(r[i])).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
    }
}
