package org.hotline.geo.mmdb;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hotline.event.IpAddress;

/**
 * An enricher's answer per database record, keyed by the record's place in the data section
 * ({@link RecordLocator}): many addresses lead to one record, so each is decoded once and a repeat
 * costs one hash lookup. Bounded by the records of the file (a country file ~250, the bundled ASN
 * file ~91,000), not by the input.
 *
 * <p>Thread-safe; a race decodes twice and keeps the first answer, both being equal.
 */
final class DecodedRecords<T> {

    /** Stands for "the record holds nothing we read", which a concurrent map cannot store as null. */
    private static final Object EMPTY = new Object();

    private final ConcurrentHashMap<Long, Object> answers = new ConcurrentHashMap<>();

    /**
     * The answer for record {@code key}, from {@code decode} of {@code ip} (which may return null)
     * the first time. The decoder is a function of the address, not a supplier capturing it: this
     * runs once per distinct source of a report, and a capturing lambda was an object per call
     * (8 MB of the 1M-line bench log's report).
     */
    @SuppressWarnings("unchecked")
    T get(long key, IpAddress ip, Function<IpAddress, T> decode) {
        Object known = answers.get(key);
        if (known == null) {
            T decoded = decode.apply(ip);
            Object raced = answers.putIfAbsent(key, decoded == null ? EMPTY : decoded);
            known = raced != null ? raced : decoded == null ? EMPTY : decoded;
        }
        return known == EMPTY ? null : (T) known;
    }
}
