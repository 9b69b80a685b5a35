package org.hotline.geo;

/**
 * Reads an autonomous system number written as {@code 13335} or {@code AS13335} (IPinfo, CSVs),
 * 0..2³²−1, by hand: no regex, no garbage.
 */
public final class AsNumbers {

    private AsNumbers() {}

    /** The AS number, or -1 if {@code text} is not one. */
    public static long parse(String text) {
        if (text == null) {
            return -1;
        }
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        if (to - from > 2 && (text.charAt(from) | 0x20) == 'a' && (text.charAt(from + 1) | 0x20) == 's') {
            from += 2;
        }
        if (from == to || to - from > 10) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 0xffff_ffffL ? value : -1;
    }
}
