package org.hotline.aggregate;

import java.time.Instant;
import java.util.List;

/**
 * The detected attacks, broken down. Every attack lands in exactly one of five tables, by what its
 * source can prove (ATTRIBUTION-NOTES C1, C4):
 * <ol>
 *   <li>{@code unverified} — no event of the attack completed a handshake: the address may be forged;</li>
 *   <li>{@code reflected} — UDP from an amplifier port: the sender is most likely an abused reflector;</li>
 *   <li>{@code nonRoutable} — verified, but private/reserved space: inside the network, no country;</li>
 *   <li>{@code anonymised} — verified, from a Tor exit: origin unknown;</li>
 *   <li>{@code origin} — verified, routable, not Tor: the only attacks {@code byCountry} and
 *       {@code byAsn} count, and the denominators of their percentages.</li>
 * </ol>
 * {@code byType}, {@code byTarget}, {@code overTime} and {@code topSources} describe all attacks
 * (percentages of {@code total}); they say what happened, not where from.
 *
 * <p>Rows are sorted by distinct sources, then events, descending. A source doing several kinds of
 * attack is one source in each of their rows, so source percentages of {@code byType} and
 * {@code byTarget} may add up to more than 100.
 */
public record AttacksSection(
        Scope total,
        Scope origin,
        List<CountryRow> byCountry,
        List<AsnRow> byAsn,
        List<TypeRow> byType,
        List<TargetRow> byTarget,
        TimeSeries overTime,
        List<SourceRow> topSources,
        SideTable anonymised,
        SideTable nonRoutable,
        SideTable unverified,
        SideTable reflected) {

    public AttacksSection {
        byCountry = List.copyOf(byCountry);
        byAsn = List.copyOf(byAsn);
        byType = List.copyOf(byType);
        byTarget = List.copyOf(byTarget);
        topSources = List.copyOf(topSources);
    }

    /**
     * The size of a set of attacks: the denominators of the percentages computed over it.
     *
     * @param definition which attacks, in words
     * @param attacks    attacks (detector findings)
     * @param events     events that make up those attacks
     * @param sources    distinct source addresses
     * @param bytes      bytes where known, null if none was
     */
    public record Scope(String definition, long attacks, long events, long sources, Long bytes) {}

    /** Attacks kept out of the origin share, with their own split by (apparent) country. */
    public record SideTable(String definition, long attacks, long events, long sources, Long bytes,
                            List<CountryCount> byCountry) {
        public SideTable {
            byCountry = List.copyOf(byCountry);
        }
    }

    /** One attack type ({@link org.hotline.detect.AttackType#id()}), over all attacks. */
    public record TypeRow(String type, long attacks, long events, long sources, Long bytes,
                          Double eventsPercent, Double sourcesPercent, Double bytesPercent) {}

    /** One target as the detectors name it ("ssh", "http www.example.org", an address), over all attacks. */
    public record TargetRow(String target, long attacks, long events, long sources, Long bytes,
                            Double eventsPercent, Double sourcesPercent, Double bytesPercent) {}

    /**
     * Attacks over time. An attack belongs to the bucket in which it began; empty buckets between
     * the first and the last are listed with zeros.
     *
     * @param bucket         "hour", "day" or "month", chosen from the span
     * @param timeZone       zone whose midnight (or hour) starts a bucket
     * @param undatedAttacks attacks whose events had no time, in no bucket
     */
    public record TimeSeries(String bucket, String timeZone, long undatedAttacks, List<TimeBucket> buckets) {
        public TimeSeries {
            buckets = List.copyOf(buckets);
        }
    }

    /** One bucket: attacks that began in it, their events, sources and bytes. */
    public record TimeBucket(Instant start, long attacks, long events, long sources, Long bytes) {}
}
