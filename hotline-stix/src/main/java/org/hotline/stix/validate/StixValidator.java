package org.hotline.stix.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.hotline.stix.Pointers;
import org.hotline.stix.mapping.HotlineExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks STIX 2.1 objects against the official OASIS JSON schemas, the specification's MUSTs the
 * schemas miss ({@link SpecRules}), and, where an object carries Hotline's extension, the
 * extension's own schema. Used on everything Hotline emits (tests) and receives (the reader).
 *
 * <p>Every problem carries a JSON pointer. A bundle or TAXII envelope is checked object by object
 * (the bundle schema's 36-way {@code oneOf} would report every alternative for one mistake, and
 * takes seconds on a large bundle), with pointers into the container.
 *
 * <p>Thread-safe. Construction loads and compiles the schemas; use {@link #standard()}.
 */
public final class StixValidator {
    private static final class Holder {
        static final StixValidator INSTANCE = new StixValidator();
    }

    private final OasisSchemas schemas = new OasisSchemas();

    private StixValidator() {}

    /** The shared validator. */
    public static StixValidator standard() {
        return Holder.INSTANCE;
    }

    /** The problems of one STIX object; empty if it is valid. */
    public List<Problem> problems(JsonNode object) {
        List<Problem> out = new ArrayList<>();
        check(object, "", out);
        return out;
    }

    /**
     * The problems of a bundle ({@code "type": "bundle"}) or TAXII envelope ({@code {"objects": [...]}})
     * and of every object in it, with pointers from the container.
     */
    public List<Problem> problemsInContainer(JsonNode container) {
        List<Problem> out = new ArrayList<>();
        String id = container.path("id").asString("(no id)");
        if (!container.isObject()) {
            out.add(new Problem(id, "", "a bundle or envelope must be a JSON object"));
            return out;
        }
        if ("bundle".equals(container.path("type").asString(null))) {
            ObjectNode shell = ((ObjectNode) container).deepCopy();
            shell.remove("objects");
            errors(schemas.forObject("bundle", false).validate(shell), id, "", out);
        }
        JsonNode objects = container.path("objects");
        if (!objects.isMissingNode() && !objects.isArray()) {
            out.add(new Problem(id, "/objects", "objects must be a list"));
            return out;
        }
        if (objects.isArray() && objects.isEmpty()) {
            out.add(new Problem(id, "/objects", "lists must not be empty in STIX 2.1 (omit the property instead)"));
        }
        for (int i = 0; i < objects.size(); i++) {
            check(objects.get(i), "/objects/" + i, out);
        }
        return out;
    }

    private void check(JsonNode o, String at, List<Problem> out) {
        if (!o.isObject()) {
            out.add(new Problem("(no id)", at, "a STIX object must be a JSON object"));
            return;
        }
        String id = o.path("id").asString("(no id)");
        String type = o.path("type").asString(null);
        if (type == null) {
            out.add(new Problem(id, Pointers.member(at, "type"), "required property 'type' is missing"));
            return;
        }
        Schema schema = schemas.forObject(type, o.has("created"));
        errors(schema.validate(o), id, at, out);
        SpecRules.check(o, id, at, out);
        JsonNode hotline = o.path("extensions").path(HotlineExtension.ID);
        if (!hotline.isMissingNode()) {
            String base = Pointers.member(at + "/extensions", HotlineExtension.ID);
            for (Error e : schemas.hotlineExtension().validate(hotline)) {
                out.add(new Problem(id, base + e.getInstanceLocation(), "Hotline extension: " + e.getMessage()));
            }
        }
    }

    private static void errors(List<Error> errors, String id, String at, List<Problem> out) {
        for (Error e : errors) {
            out.add(new Problem(id, at + e.getInstanceLocation(), describe(e)));
        }
    }

    /** networknt's message (the keyword's rule), with the offending value when it is a single value. */
    private static String describe(Error e) {
        JsonNode found = e.getInstanceNode();
        if (found == null || found.isContainer()) {
            return e.getMessage();
        }
        String text = found.toString();
        return e.getMessage() + " (found " + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ")";
    }
}
