package org.hotline.parse.json;

import java.nio.charset.StandardCharsets;
import org.hotline.event.IpAddress;
import org.hotline.parse.ParseSink;
import org.hotline.source.RawLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object read from one line (Suricata EVE, Zeek JSON, Cowrie), with lenient typed
 * getters: a field that is missing, null or of another type reads as "absent" (null or -1), never
 * as an exception, because these logs omit unset fields and differ between versions.
 *
 * <p>Lines are read with Jackson's tree model: simpler than streaming and fast enough here, since
 * JSON inputs are not the hot path (access logs are). A shared {@link ObjectMapper} is thread-safe.
 */
public final class JsonRecord {
    /**
     * The mapper, made when the first line that looks like JSON comes: format detection tries this
     * parser on the first lines of every input, and building a mapper for an access log's lines,
     * which fail at their first byte, was 35 ms before the first block went to the workers.
     */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder().build();
    }

    private final JsonNode root;

    private JsonRecord(JsonNode root) {
        this.root = root;
    }

    /**
     * Reads {@code [from, to)} as one JSON object. Returns null and puts the reason (with its
     * column) into {@code why[0]} if the bytes are not a single JSON object.
     */
    public static JsonRecord read(byte[] b, int from, int to, String[] why) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i >= to || b[i] != '{') {
            why[0] = "not a JSON object: no '{' at column " + (i - from + 1);
            return null;
        }
        try {
            JsonNode node = Mapper.INSTANCE.readTree(b, from, to - from);
            if (node == null || !node.isObject()) {
                why[0] = "not a JSON object";
                return null;
            }
            return new JsonRecord(node);
        } catch (JacksonException e) {
            why[0] = "bad JSON" + location(e) + ": " + e.getOriginalMessage();
            return null;
        }
    }

    /**
     * Reads a line as one JSON object, as {@link #read(byte[], int, int, String[])} does; when it is
     * none, tells the sink so (malformed, with the reason and its column) and returns null.
     */
    public static JsonRecord read(RawLine line, ParseSink sink) {
        String[] why = new String[1];
        JsonRecord r = read(line.bytes(), line.offset(), line.end(), why);
        if (r == null) {
            sink.malformed(why[0]);
        }
        return r;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1
                ? "" : " at column " + e.getLocation().getColumnNr();
    }

    /** True if the field exists and is not JSON null. */
    public boolean has(String name) {
        JsonNode n = root.get(name);
        return n != null && !n.isNull();
    }

    /** The field as text (numbers and booleans in their JSON spelling); null if absent or a container. */
    public String text(String name) {
        return text(root.get(name));
    }

    /** A field of a nested object: {@code text("alert", "signature")}; null if any step is absent. */
    public String text(String object, String name) {
        JsonNode o = root.get(object);
        return o == null || !o.isObject() ? null : text(o.get(name));
    }

    /** A whole number, or {@code absent} if missing or not a number (a numeric string counts). */
    public long integer(String name, long absent) {
        return integer(root.get(name), absent);
    }

    public long integer(String object, String name, long absent) {
        JsonNode o = root.get(object);
        return o == null || !o.isObject() ? absent : integer(o.get(name), absent);
    }

    /** A number as double, or NaN if missing or not a number (a numeric string counts). */
    public double decimal(String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isString()) {
            try {
                return Double.parseDouble(n.stringValue());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * The field's bytes: a string as UTF-8, or an array of numbers 0..255 as those bytes (how
     * {@code journalctl -o json} writes a value that is not valid UTF-8 or holds control characters);
     * null if absent, null, or anything else.
     */
    public byte[] bytes(String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue().getBytes(StandardCharsets.UTF_8);
        }
        if (!n.isArray()) {
            return null;
        }
        byte[] out = new byte[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 255) {
                return null;
            }
            out[i] = (byte) v.asInt();
        }
        return out;
    }

    public boolean isObject(String name) {
        JsonNode n = root.get(name);
        return n != null && n.isObject();
    }

    /** A nested object as a record, or null. */
    public JsonRecord object(String name) {
        JsonNode n = root.get(name);
        return n != null && n.isObject() ? new JsonRecord(n) : null;
    }

    /**
     * The field read as an IP address, or null if it is absent or not an address; tell the two
     * apart with {@link #has}. Zeek and Suricata write IPv6 in any RFC 4291 form, all accepted.
     */
    public IpAddress address(String name) {
        String text = text(name);
        return text == null ? null : IpAddress.parseOrNull(text);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.asString();
    }

    private static long integer(JsonNode n, long absent) {
        if (n == null || n.isNull()) {
            return absent;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? n.longValue() : absent;
        }
        if (n.isNumber()) {
            return (long) n.doubleValue();
        }
        if (n.isString()) {
            String s = n.stringValue();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return absent;
            }
        }
        return absent;
    }
}
