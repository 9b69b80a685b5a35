package org.hotline.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a tree of records, lists, maps and plain values to a Jackson streaming generator: each
 * record as an object of its components in declaration order, nulls written, instants as ISO-8601
 * strings. That is what Jackson's data binder writes for the report (a test holds the two to the
 * same text), without its set-up: the binder built a serializer for each of the report's ~25 record
 * types by introspection, 0.1 s of a 1.4 s run over the 1M-line bench log, all of it on the one
 * thread that writes the report after the analysis.
 *
 * <p>Only the types the report holds are accepted; anything else is a programming error, said at
 * once rather than written in some guessed form.
 */
final class RecordJson {
    /** Each record type's component accessors, looked up once per type. */
    private static final Map<Class<?>, Accessor[]> ACCESSORS = new ConcurrentHashMap<>();

    private record Accessor(String name, Method method) {}

    private RecordJson() {}

    static void write(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long n) {
            g.writeNumber(n);
        } else if (value instanceof Integer n) {
            g.writeNumber(n);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Instant t) {
            g.writeString(t.toString()); // ISO-8601 in UTC, as DateTimeFormatter.ISO_INSTANT
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Record r) {
            g.writeStartObject();
            for (Accessor a : ACCESSORS.computeIfAbsent(r.getClass(), RecordJson::accessors)) {
                g.writeName(a.name());
                write(g, get(a.method(), r));
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName()
                    + " in the report; add it to RecordJson, and to RecordJsonTest's report");
        }
    }

    private static Accessor[] accessors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Accessor[] out = new Accessor[components.length];
        for (int i = 0; i < components.length; i++) {
            Method m = components[i].getAccessor();
            m.setAccessible(true); // nested records may be package-private
            out[i] = new Accessor(components[i].getName(), m);
        }
        return out;
    }

    private static Object get(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + accessor.getName() + " of " + r.getClass().getSimpleName(),
                    e.getCause());
        }
    }
}
