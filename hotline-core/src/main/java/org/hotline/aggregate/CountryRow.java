package org.hotline.aggregate;

import java.time.Instant;
import java.util.List;

/**
 * One country in the origin table: handshake-verified, routable, non-Tor attacking sources whose
 * address the databases place in {@code country} — with what a sceptical reader needs to weigh the
 * share (ATTRIBUTION-NOTES C2, C5.20).
 *
 * @param country            ISO 3166-1 alpha-2 code; null = no database knows these addresses
 * @param attacks            attacks from these sources
 * @param events             events making up those attacks
 * @param sources            distinct source addresses
 * @param bytes              bytes where known, null if none was
 * @param eventsPercent      of {@code attacks.origin.events}
 * @param sourcesPercent     of {@code attacks.origin.sources}
 * @param bytesPercent       of {@code attacks.origin.bytes}, null when no bytes are known
 * @param networks           distinct /24 (IPv4) or /48 (IPv6) networks of the sources
 * @param asns               distinct known ASNs of the sources
 * @param topAsns            the ASNs with the most sources here, at most {@link #TOP_ASNS}
 * @param targets            distinct targets attacked
 * @param firstSeen          earliest attack time, null when unknown
 * @param lastSeen           latest attack time, null when unknown
 * @param topAddresses       the addresses with the most events, at most {@link #TOP_ADDRESSES}:
 *                           evidence a counterpart can look up in its own logs
 * @param topSource          the address with the most events in this row
 * @param concentration      percent of this row's events that come from {@code topSource}
 * @param torSources         verified sources placed here that are Tor exits, left out of this row
 * @param torPercent         {@code torSources} as percent of all verified sources placed here
 * @param nonRoutableSources verified sources placed here that are not routable, left out of this row
 * @param confidence         "high", "medium" or "low", as defined in {@code caveats.confidenceGrades}
 * @param confidenceReasons  why the grade is not higher
 */
public record CountryRow(String country, long attacks, long events, long sources, Long bytes,
                         Double eventsPercent, Double sourcesPercent, Double bytesPercent,
                         long networks, long asns, List<AsnCount> topAsns, long targets,
                         Instant firstSeen, Instant lastSeen, List<Address> topAddresses, String topSource,
                         Double concentration,
                         long torSources, Double torPercent, long nonRoutableSources,
                         String confidence, List<String> confidenceReasons) {

    public static final int TOP_ASNS = 3;
    public static final int TOP_ADDRESSES = 5;

    public CountryRow {
        topAsns = List.copyOf(topAsns);
        topAddresses = List.copyOf(topAddresses);
        confidenceReasons = List.copyOf(confidenceReasons);
    }

    /** One address of a row: its attack events and when it was seen (null when unknown). */
    public record Address(String address, long events, Instant firstSeen, Instant lastSeen) {}

    /** An ASN's part of a row: {@code asn} null when unknown. */
    public record AsnCount(Long asn, String org, long sources, long events) {}
}
