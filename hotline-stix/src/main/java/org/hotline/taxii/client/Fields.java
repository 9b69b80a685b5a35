package org.hotline.taxii.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the members of one TAXII resource and names what is missing the way taxii2-client does
 * ("No 'title' in Server Discovery for request 'https://…/taxii2/'"), so a partner's broken server
 * is reported with the resource and the URL.
 */
final class Fields {
    private final String method;
    private final URI uri;
    private final int status;
    private final String resource;
    private final JsonNode o;

    Fields(String method, URI uri, int status, String resource, JsonNode o) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.resource = resource;
        this.o = o;
        if (!o.isObject()) {
            throw fail("a " + resource + " must be a JSON object");
        }
    }

    Fields nested(String nestedResource, JsonNode node) {
        return new Fields(method, uri, status, nestedResource, node);
    }

    JsonNode node() {
        return o;
    }

    String text(String name) {
        JsonNode n = o.path(name);
        if (!n.isString()) {
            throw missing(name);
        }
        return n.stringValue();
    }

    String optionalText(String name) {
        JsonNode n = o.path(name);
        return n.isString() ? n.stringValue() : null;
    }

    boolean bool(String name) {
        JsonNode n = o.path(name);
        if (!n.isBoolean()) {
            throw missing(name);
        }
        return n.booleanValue();
    }

    boolean optionalBool(String name) {
        return o.path(name).asBoolean(false);
    }

    long number(String name) {
        JsonNode n = o.path(name);
        if (!n.isIntegralNumber()) {
            throw missing(name);
        }
        return n.longValue();
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : o.path(name)) {
            out.add(n.asString());
        }
        return out;
    }

    TaxiiException missing(String name) {
        return fail("No '" + name + "' in " + resource + " for request '" + uri + "'");
    }

    TaxiiException fail(String problem) {
        return new TaxiiException(method, uri, status, null, false, problem, null);
    }
}
