package org.hotline.stix;

import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The first place two JSON values differ, as a JSON pointer and what differs there. Member order is
 * irrelevant and numbers compare by value ({@code 412} parsed as an int equals {@code 412} built as a
 * long), so this is equality of canonical JSON, with a location for the error message.
 */
public final class JsonDiff {
    private JsonDiff() {}

    /** Empty if {@code expected} and {@code actual} are the same JSON value. */
    public static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return diff(expected, actual, "");
    }

    private static Optional<String> diff(JsonNode e, JsonNode a, String at) {
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0 ? Optional.empty()
                    : Optional.of(where(at) + ": expected " + e + " but found " + a);
        }
        if (e.getNodeType() != a.getNodeType()) {
            return Optional.of(where(at) + ": expected " + describe(e) + " but found " + describe(a));
        }
        if (e.isObject()) {
            TreeSet<String> names = new TreeSet<>(e.propertyNames());
            names.addAll(a.propertyNames());
            for (String name : names) {
                String next = at + "/" + Pointers.escape(name);
                if (!e.has(name)) {
                    return Optional.of(next + ": unexpected property");
                }
                if (!a.has(name)) {
                    return Optional.of(next + ": missing");
                }
                Optional<String> d = diff(e.get(name), a.get(name), next);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (e.isArray()) {
            if (e.size() != a.size()) {
                return Optional.of(where(at) + ": expected " + e.size() + " items but found " + a.size());
            }
            for (int i = 0; i < e.size(); i++) {
                Optional<String> d = diff(e.get(i), a.get(i), at + "/" + i);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return e.equals(a) ? Optional.empty() : Optional.of(where(at) + ": expected " + e + " but found " + a);
    }

    private static String where(String at) {
        return at.isEmpty() ? "(the whole value)" : at;
    }

    private static String describe(JsonNode n) {
        return n.isContainer() ? n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) : n.toString();
    }
}
