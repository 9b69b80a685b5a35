package org.hotline.aggregate;

import java.time.Instant;
import java.util.List;

/**
 * One attacking address, with everything known about it: evidence a counterpart can check
 * (ATTRIBUTION-NOTES C5.22).
 *
 * @param address      the source address
 * @param country      where the databases place it, null when unknown
 * @param asn          its AS number, null when unknown
 * @param org          its AS organisation, null when unknown
 * @param flags        "tor-exit", "non-routable"
 * @param verification strongest verification of its attacks: "handshake", "unverified", "reflected"
 * @param table        which table of {@code attacks} its verified attacks count in: "origin",
 *                     "anonymised", "nonRoutable"; or "unverified"/"reflected" if none was verified
 * @param types        attack type ids
 * @param targets      distinct targets, at most {@link #MAX_TARGETS}
 * @param evidence     "file:line" of its first evidence lines, at most {@link #MAX_EVIDENCE}
 */
public record SourceRow(String address, String country, Long asn, String org, List<String> flags,
                        String verification, String table, long attacks, long events, Long bytes,
                        List<String> types, List<String> targets, Instant firstSeen, Instant lastSeen,
                        List<String> evidence) {

    public static final int MAX_TARGETS = 5;
    public static final int MAX_EVIDENCE = 5;

    public SourceRow {
        flags = List.copyOf(flags);
        types = List.copyOf(types);
        targets = List.copyOf(targets);
        evidence = List.copyOf(evidence);
    }
}
