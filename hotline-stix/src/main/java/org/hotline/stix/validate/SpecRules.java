package org.hotline.stix.validate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.channel.Tlp;
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
    private static final Pattern MILLIS = Pattern.compile(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
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
            if (t.isString() && !MILLIS.matcher(t.stringValue()).matches()) {
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

    private static void reference(JsonNode value, String name, String type, String id, String where, List<Problem> out) {
        if (!value.isString()) {
            return; // the schema reports the wrong JSON type
        }
        var m = IDENTIFIER.matcher(value.stringValue());
        if (!m.matches()) {
            out.add(new Problem(id, where, "'" + value.stringValue() + "' is not a STIX identifier (type--UUID with a UUID of version 1 to 5)"));
            return;
        }
        String expected = name.equals("id") ? type : REF_TYPES.get(name);
        if (expected != null && !expected.isEmpty() && !m.group(1).equals(expected)) {
            out.add(new Problem(id, where, "'" + value.stringValue() + "' must be an id of type " + expected));
        }
    }

    private static void order(JsonNode o, String later, String earlier, boolean strict, String id, String at, List<Problem> out) {
        Optional<Instant> l = instant(o.path(later));
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
        String s = n.stringValue().replaceFirst("(\\.\\d{9})\\d+Z$", "$1Z");
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the schema reports malformed timestamps
        }
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
