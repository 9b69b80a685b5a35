package org.hotline.report;

/** Wraps prose to a width for the terminal, with a hanging indent for list items. */
final class Paragraphs {
    private Paragraphs() {}

    /** Appends {@code text} wrapped at {@code width}: the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(StringBuilder out, String text, String first, String rest, int width) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : Cells.clean(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }
}
