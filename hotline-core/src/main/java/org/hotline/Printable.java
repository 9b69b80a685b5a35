package org.hotline;

/**
 * Which characters make a text read as something else when it is printed: control characters (C0 and
 * C1: cursor moves, colours, a terminal's title) and the bidirectional controls (an override that
 * makes "21" read "12"). One definition for every place that shows outside text (the terminal
 * report, the CLI, a party's name); joiners, which Persian and Arabic words use, are not among them.
 */
public final class Printable {
    private Printable() {}

    public static boolean misleads(int c) {
        return Character.isISOControl(c) || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
