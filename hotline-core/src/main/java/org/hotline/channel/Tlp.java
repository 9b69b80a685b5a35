package org.hotline.channel;

import java.util.Locale;

/**
 * Traffic Light Protocol 2.0 (FIRST, 2022) levels, from least to most restricted. A channel lists the
 * levels its parties agreed to exchange; a concern carries exactly one, and everything it carries is
 * marked with it on the wire (STIX TLP 2.0 marking definitions).
 */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

    /** The label as FIRST writes it: "TLP:AMBER+STRICT". */
    public String label() {
        return "TLP:" + name().replace("_STRICT", "+STRICT");
    }

    /** The value used in the STIX TLP 2.0 extension and in CLI options: "amber+strict". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace("_strict", "+strict");
    }

    /** Parses "amber+strict", "AMBER_STRICT", "TLP:AMBER+STRICT", ... */
    public static Tlp parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("TLP:")) {
            t = t.substring(4);
        }
        t = t.replace('+', '_').replace('-', '_');
        if (t.equals("WHITE")) {
            // TLP 1.0's WHITE became CLEAR in TLP 2.0.
            return CLEAR;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown TLP level '" + text + "'; known: clear, green, amber, amber+strict, red");
        }
    }
}
