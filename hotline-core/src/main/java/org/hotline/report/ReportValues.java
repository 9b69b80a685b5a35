package org.hotline.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.aggregate.OriginReport;

/**
 * What every report Hotline builds holds, checked on one read back from a file ({@link
 * ReportJsonReader}), which may come from anyone: the writers rely on it, and a value outside it
 * gave a stack trace ("bug in Hotline") or a page with "250 %" on it. Checked over the whole record
 * tree, by kind rather than field by field, so a field added later is checked too:
 * <ul>
 *   <li>records, lists and maps are there (only plain values may be null: an unknown country, no bytes);</li>
 *   <li>counts are not negative; percentages (every decimal of the report is one) are finite, 0 to 100;</li>
 *   <li>times fall in the years 0000 to 9999, and the report's own time is there;</li>
 *   <li>a time zone is one the JDK knows.</li>
 * </ul>
 */
final class ReportValues {
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    private ReportValues() {}

    /** The first value that breaks the rules, as "where: what", or null if there is none. */
    static String firstWrong(OriginReport report) {
        return check(report, "report");
    }

    private static String check(Object value, String path) {
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = get(c, r);
                String at = path.equals("report") ? c.getName() : path + "." + c.getName();
                boolean structure = Record.class.isAssignableFrom(c.getType()) || List.class.isAssignableFrom(c.getType())
                        || Map.class.isAssignableFrom(c.getType());
                if (v == null && (structure || c.getName().equals("generatedAt"))) {
                    return at + " is null";
                }
                String wrong = c.getName().equals("timeZone") && v != null ? zone((String) v, at) : check(v, at);
                if (wrong != null) {
                    return wrong;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    return path + "[" + i + "] is null";
                }
                String wrong = check(list.get(i), path + "[" + i + "]");
                if (wrong != null) {
                    return wrong;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String wrong = e.getValue() == null ? path + "." + e.getKey() + " is null" : check(e.getValue(), path + "." + e.getKey());
                if (wrong != null) {
                    return wrong;
                }
            }
            return null;
        }
        if ((value instanceof Long || value instanceof Integer) && ((Number) value).longValue() < 0) {
            return path + " is " + value + ": a count is never negative";
        }
        if (value instanceof Double d && !(d >= 0 && d <= 100)) {
            return path + " is " + d + ": a percentage is from 0 to 100";
        }
        if (value instanceof Instant t && (t.isBefore(FIRST) || t.isAfter(LAST))) {
            return path + " is " + t + ": not a time of the years 0000 to 9999";
        }
        return null;
    }

    private static String zone(String id, String path) {
        try {
            ZoneId.of(id);
            return null;
        } catch (DateTimeException e) {
            return path + " is '" + Cells.clean(id) + "': no time zone the JDK knows";
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
