package org.hotline.aggregate;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The one order of every table's rows: most distinct sources first (the unit least swayed by one
 * heavy hitter), then most events, then by key with the unknown (null) key last, so equal rows
 * always print in the same order.
 */
final class RowOrder {
    private RowOrder() {}

    static <T> Comparator<T> of(ToLongFunction<T> sources, ToLongFunction<T> events, Function<T, String> key) {
        return Comparator.comparingLong(sources).reversed()
                .thenComparing(Comparator.comparingLong(events).reversed())
                .thenComparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
