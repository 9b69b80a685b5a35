package org.hotline.stix.validate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.channel.Tlp;
import org.hotline.channel.UtcInstants;
import org.hotline.stix.JsonDiff;
import org.hotline.stix.Pointers;
import org.hotline.stix.mapping.TlpMarkings;
import tools.jackson.databind.JsonNode;

/**
 * The STIX 2.1 MUSTs the OASIS JSON schemas do not enforce (CHANNEL-NOTES c.2; cti-stix-validator
 * {@code v21/musts.py} and {@code enums.py TIMESTAMP_COMPARE}), each checked here with a message that
 * names the rule:
 * <ul>
 *   <li>{@code created}/{@code modified} precise to the millisecond (the schemas check this for SDOs
 *       and SROs but not for marking definitions);</li>
 *   <li>ordered timestamps: modified ≥ created, valid_until &gt; valid_from, last_seen ≥ first_seen,
 *       last_observed ≥ first_observed, stop_time &gt; start_time;</li>
 *   <li>property names (of the object and of each extension) lower case ASCII {@code [a-z0-9_]}, 3 to
 *       250 characters, starting with a letter: the schema's regex is not anchored at its end, so it
 *       lets {@code hotlineState} through;</li>
 *   <li>no empty list anywhere; no reserved property ({@code severity}, {@code action},
 *       {@code username}, {@code phone_numbers}) or type ({@code action});</li>
 *   <li>{@code id} and every {@code *_ref}/{@code *_refs} a well-formed identifier with a UUID of
 *       version 1 to 5; {@code id} of the object's own type; {@code created_by_ref} an identity and
 *       {@code object_marking_refs} marking definitions;</li>
 *   <li>a marking definition with a TLP 2.0 id or extension identical to the OASIS object.</li>
 * </ul>
 */
final class SpecRules {
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]{2,249}");
    /** A fraction of more than nine digits at the end of a timestamp: its first nine. */
    private static final Pattern BEYOND_NANOS = Pattern.compile("(\\.\\d{9})\\d+Z$");
    private static final Set<String> RESERVED_PROPERTIES = Set.of("severity", "action", "username", "phone_numbers");
    /** later, earlier, strictly later? (cti-stix-validator enums.py TIMESTAMP_COMPARE, applied to any type). */
    private static final List<String[]> ORDERED = List.of(
            new String[] {"modified", "created", "ge"},
            new String[] {"valid_until", "valid_from", "gt"},
            new String[] {"last_seen", "first_seen", "ge"},
            new String[] {"last_observed", "first_observed", "ge"},
            new String[] {"stop_time", "start_time", "gt"});
    private static final Map<String, String> REF_TYPES = Map.of(
            "created_by_ref", "identity", "object_marking_refs", "marking-definition");

    private SpecRules() {}

    static void check(JsonNode o, String id, String at, List<Problem> out) {
        String type = o.path("type").asString("");
        if (type.equals("action")) {
            out.add(new Problem(id, at + "/type", "'action' is a reserved type name"));
        }
        for (String name : o.propertyNames()) {
            String where = Pointers.member(at, name);
            if (!name.equals("id") && !PROPERTY_NAME.matcher(name).matches()) {
                out.add(new Problem(id, where, "property name '" + name + "' must be 3-250 lower-case ASCII letters, digits or _ starting with a letter"));
            }
            if (RESERVED_PROPERTIES.contains(name)) {
                out.add(new Problem(id, where, "'" + name + "' is a reserved property name in STIX 2.1 (put it in an extension)"));
            }
            if (name.equals("id") || name.endsWith("_ref") || name.endsWith("_refs")) {
                references(o.get(name), name, type, id, where, out);
            }
        }
        for (String name : List.of("created", "modified")) {
            JsonNode t = o.path(name);
            if (t.isString() && !millis(t.stringValue())) {
                out.add(new Problem(id, Pointers.member(at, name), t.stringValue() + " is not precise to the millisecond (STIX 2.1 requires three fractional digits)"));
            }
        }
        for (String[] rule : ORDERED) {
            order(o, rule[0], rule[1], rule[2].equals("gt"), id, at, out);
        }
        JsonNode extensions = o.path("extensions");
        if (extensions.isObject()) {
            for (Map.Entry<String, JsonNode> e : extensions.properties()) {
                for (String name : e.getValue().propertyNames()) {
                    if (!PROPERTY_NAME.matcher(name).matches()) {
                        out.add(new Problem(id, Pointers.member(Pointers.member(at + "/extensions", e.getKey()), name),
                                "property name '" + name + "' must be 3-250 lower-case ASCII letters, digits or _ starting with a letter"));
                    }
                }
            }
        }
        emptyLists(o, id, at, out);
        if (type.equals("marking-definition")) {
            tlp2(o, id, at, out);
        }
    }

    private static void references(JsonNode value, String name, String type, String id, String where, List<Problem> out) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                reference(value.get(i), name, type, id, where + "/" + i, out);
            }
        } else {
            reference(value, name, type, id, where, out);
        }
    }

    private static void reference(JsonNode value, String name, String ownType, String id, String where, List<Problem> out) {
        if (!value.isString()) {
            return; // the schema reports the wrong JSON type
        }
        String type = identifierType(value.stringValue());
        if (type == null) {
            out.add(new Problem(id, where, "'" + value.stringValue() + "' is not a STIX identifier (type--UUID with a UUID of version 1 to 5)"));
            return;
        }
        String expected = name.equals("id") ? ownType : REF_TYPES.get(name);
        if (expected != null && !expected.isEmpty() && !type.equals(expected)) {
            out.add(new Problem(id, where, "'" + value.stringValue() + "' must be an id of type " + expected));
        }
    }

    private static void order(JsonNode o, String later, String earlier, boolean strict, String id, String at, List<Problem> out) {
        JsonNode laterNode = o.path(later);
        if (laterNode.isMissingNode()) {
            return;
        }
        if (!strict && laterNode.isString() && laterNode.equals(o.path(earlier))) {
            return; // the same text is the same instant (or the same malformed one, which the schema reports)
        }
        Optional<Instant> l = instant(laterNode);
        Optional<Instant> e = instant(o.path(earlier));
        if (l.isPresent() && e.isPresent()) {
            int c = l.get().compareTo(e.get());
            if (c < 0 || (strict && c == 0)) {
                out.add(new Problem(id, Pointers.member(at, later), later + " " + o.get(later).stringValue() + " must be "
                        + (strict ? "later than " : "the same as or later than ") + earlier + " " + o.get(earlier).stringValue()));
            }
        }
    }

    /** Fractions beyond nanoseconds (STIX allows any precision) are cut so Instant can compare them. */
    private static Optional<Instant> instant(JsonNode n) {
        if (!n.isString()) {
            return Optional.empty();
        }
        String s = n.stringValue();
        // Only a text of 31 characters or more (yyyy-mm-ddThh:mm:ss, 10 digits, Z) can be cut into one
        // that parses; shorter ones fail to parse either way, so they skip the regex search.
        Matcher beyondNanos = s.length() >= 31 ? BEYOND_NANOS.matcher(s) : null;
        if (beyondNanos != null && beyondNanos.find()) {
            s = s.substring(0, beyondNanos.start()) + beyondNanos.group(1) + "Z";
        }
        try {
            return Optional.of(UtcInstants.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the schema reports malformed timestamps
        }
    }

    /**
     * The type of a STIX identifier, or null if {@code s} is not one: the regex
     * {@code ([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}}
     * (the type is group 1), by hand: it runs for every id and reference received. The UUID has a
     * fixed length, so the type is everything before its 38 last characters.
     */
    static String identifierType(String s) {
        int uuid = s.length() - 36;
        if (uuid < 5 || s.charAt(uuid - 1) != '-' || s.charAt(uuid - 2) != '-') {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(uuid + i);
            boolean ok = switch (i) {
                case 8, 13, 18, 23 -> c == '-';
                case 14 -> c >= '1' && c <= '5';
                case 19 -> c == '8' || c == '9' || c == 'a' || c == 'b' || c == 'A' || c == 'B';
                default -> isHex(c);
            };
            if (!ok) {
                return null;
            }
        }
        int end = uuid - 2;
        if (end < 3 || !isLower(s.charAt(0)) || !(isLower(s.charAt(end - 1)) || isDigit(s.charAt(end - 1)))) {
            return null;
        }
        for (int i = 1; i < end - 1; i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || isDigit(c) || c == '-')) {
                return null;
            }
        }
        return s.substring(0, end);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Whether a timestamp is precise to the millisecond: it ends {@code THH:MM:SS.fffZ}, with three or
     * more fractional digits (the regex {@code .*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z}, by hand: this runs for
     * every object received).
     */
    static boolean millis(String t) {
        int i = t.length() - 1;
        if (i < 0 || t.charAt(i) != 'Z') {
            return false;
        }
        int digits = 0;
        while (i > 0 && isDigit(t.charAt(i - 1))) {
            i--;
            digits++;
        }
        // i is now the first fractional digit; before it ".", "HH:MM:SS" and "T"
        if (digits < 3 || i < 10 || t.charAt(i - 1) != '.' || t.charAt(i - 10) != 'T') {
            return false;
        }
        int time = i - 9;
        return isDigit(t.charAt(time)) && isDigit(t.charAt(time + 1)) && t.charAt(time + 2) == ':'
                && isDigit(t.charAt(time + 3)) && isDigit(t.charAt(time + 4)) && t.charAt(time + 5) == ':'
                && isDigit(t.charAt(time + 6)) && isDigit(t.charAt(time + 7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void emptyLists(JsonNode n, String id, String at, List<Problem> out) {
        if (n.isArray()) {
            if (n.isEmpty()) {
                out.add(new Problem(id, at, "lists must not be empty in STIX 2.1 (omit the property instead)"));
            }
            for (int i = 0; i < n.size(); i++) {
                emptyLists(n.get(i), id, at + "/" + i, out);
            }
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                emptyLists(e.getValue(), id, Pointers.member(at, e.getKey()), out);
            }
        }
    }

    private static void tlp2(JsonNode o, String id, String at, List<Problem> out) {
        Optional<Tlp> level = TlpMarkings.levelOf(id);
        boolean claimsTlp2 = o.path("extensions").has(TlpMarkings.EXTENSION_ID);
        if (level.isEmpty()) {
            if (claimsTlp2) {
                out.add(new Problem(id, at + "/extensions", "a TLP 2.0 marking must use the OASIS id of its level, not " + id));
            }
            return;
        }
        JsonDiff.firstDifference(TlpMarkings.marking(level.get()), o).ifPresent(d -> out.add(new Problem(id,
                at + (d.startsWith("/") ? d.substring(0, d.indexOf(':')) : ""),
                "the " + level.get().label() + " marking definition must be exactly the OASIS object; " + d)));
    }
}
