package org.hotline.server.console;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a request's Host header names this console: a loopback name or the address it listens on.
 * Anything else is a page that reached 127.0.0.1 under a name of its own (DNS rebinding), which would
 * make the console same-origin with that page. The port may be any: what rebinding needs is a name,
 * and an SSH tunnel from another machine (ssh -L 9000:127.0.0.1:8470) arrives with its own port.
 */
final class ConsoleHosts {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private ConsoleHosts() {}

    static boolean isOwn(String header, String boundHost) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        String name;
        String rest;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = h.substring(1, close);
            rest = h.substring(close + 1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            rest = colon < 0 ? "" : h.substring(colon);
        }
        boolean portOrNone = rest.isEmpty()
                || rest.startsWith(":") && rest.length() > 1 && rest.length() <= 6 && rest.substring(1).chars().allMatch(Character::isDigit);
        return portOrNone && (LOOPBACK.contains(name) || name.equals(boundHost.toLowerCase(Locale.ROOT)));
    }
}
