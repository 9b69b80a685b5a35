package org.hotline.channel.account;

import java.time.Duration;

/** How long something took, as a person reads it in a table: the largest two units that are not zero. */
public final class Elapsed {
    private Elapsed() {}

    /** "2d 4h", "3h 12m", "45m", "20s"; "-" for null. */
    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.getSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? minutes + "m" : s + "s";
    }
}
