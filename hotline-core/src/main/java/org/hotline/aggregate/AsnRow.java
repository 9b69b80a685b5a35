package org.hotline.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One autonomous system in the origin table (same sources as {@link CountryRow}). Read it next to
 * the country share: a cloud's ASN places rented servers in the country of the data centre, which
 * says little about who rents them (ATTRIBUTION-NOTES C3.11).
 *
 * @param asn            AS number, null = no database knows it
 * @param org            the AS's organisation name, null when unknown
 * @param countries      the countries of its sources, most sources first (null = unknown)
 * @param eventsPercent  of {@code attacks.origin.events}
 * @param sourcesPercent of {@code attacks.origin.sources}
 * @param bytesPercent   of {@code attacks.origin.bytes}
 * @param networks       distinct /24 or /48 networks of its sources
 * @param concentration  percent of this row's events from {@code topSource}
 */
public record AsnRow(Long asn, String org, List<String> countries, long attacks, long events, long sources,
                     Long bytes, Double eventsPercent, Double sourcesPercent, Double bytesPercent,
                     long networks, Instant firstSeen, Instant lastSeen, String topSource, Double concentration) {
    public AsnRow {
        // Not List.copyOf: null (unknown country) is a legitimate element.
        countries = Collections.unmodifiableList(new ArrayList<>(countries));
    }
}
