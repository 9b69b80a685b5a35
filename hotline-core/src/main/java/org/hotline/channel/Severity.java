package org.hotline.channel;

import java.util.Locale;

/** How serious the filing party considers a concern. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + id + "'; known: low, medium, high, critical");
        }
    }
}
