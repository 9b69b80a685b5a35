package org.hotline.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON Canonicalization Scheme (RFC 8785) for the trees Hotline signs: object members sorted by
 * their UTF-16 code units, no whitespace, minimal string escaping. Signatures and hashes are over
 * these bytes, so two nodes agree on them whatever library printed the JSON.
 *
 * <p>Hazard: only integers are supported as numbers (RFC 8785's ECMAScript double formatting is not
 * implemented); the canonical forms Hotline signs contain no fractional numbers, and this refuses one
 * rather than print it differently from another implementation.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static byte[] bytes(JsonNode node) {
        StringBuilder sb = new StringBuilder(512);
        write(node, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node == null || node.isNull()) {
            sb.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());   // String.compareTo compares UTF-16 code units
            sb.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(members.get(i).getKey(), sb);
                sb.append(':');
                write(members.get(i).getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), sb);
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            sb.append(node.longValue());
        } else {
            throw new IllegalArgumentException("cannot canonicalise " + node.getNodeType() + " " + node);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
