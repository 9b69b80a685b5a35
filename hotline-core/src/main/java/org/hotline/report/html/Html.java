package org.hotline.report.html;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.report.Cells;

/**
 * Escaping for the HTML report. Every string that reaches the page goes through here: targets,
 * signatures and organisation names come from logs and databases and may hold markup.
 */
final class Html {
    /** An http(s) URL in prose, for attribution lines ("IP data by DB-IP, https://db-ip.com"). */
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.\\-]+(?:/[^\\s<>\"'()]*)?");

    private Html() {}

    /** For text nodes and (double-quoted) attribute values alike. */
    static String esc(String s) {
        if (s == null) {
            return "-";
        }
        String clean = Cells.clean(s);
        StringBuilder sb = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Escapes prose and makes its http(s) URLs into links, which attribution terms require (DB-IP:
     * "a link to https://db-ip.com"). Links are the only way the page refers outside itself, and
     * they load nothing until clicked.
     */
    static String linked(String s) {
        if (s == null) {
            return "-";
        }
        Matcher m = URL.matcher(s);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            String url = m.group();
            while (url.endsWith(".") || url.endsWith(",") || url.endsWith(";")) {
                url = url.substring(0, url.length() - 1);
            }
            sb.append(esc(s.substring(at, m.start())));
            sb.append("<a href=\"").append(esc(url)).append("\" rel=\"noopener noreferrer\">").append(esc(url)).append("</a>");
            at = m.start() + url.length();
        }
        sb.append(esc(s.substring(at)));
        return sb.toString();
    }
}
