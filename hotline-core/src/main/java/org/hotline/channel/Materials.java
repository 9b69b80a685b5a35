package org.hotline.channel;

import java.time.Instant;
import java.util.List;
import org.hotline.event.IpAddress;

/**
 * Evidence attached to a concern: the sources seen, with counts and time ranges; log excerpts a
 * counterpart can look up in its own copy; and the origin report they came from. Produced by
 * {@code hotline analyze --materials-for CC} for the partner whose jurisdiction is CC.
 *
 * @param id          {@code grouping--<uuid>}; the STIX grouping that carries it on the wire
 * @param description what these materials show, in words
 * @param sightings   one per source address
 * @param excerpts    log lines quoted as evidence
 * @param report      the analysis they come from, or null
 */
public record Materials(String id, String description, List<Sighting> sightings, List<LogExcerpt> excerpts,
                        ReportReference report) {
    public Materials {
        Ids.require(id, "grouping");
        sightings = List.copyOf(sightings);
        excerpts = List.copyOf(excerpts);
        if (sightings.isEmpty() && excerpts.isEmpty()) {
            throw new IllegalArgumentException("materials hold at least one sighting or excerpt");
        }
    }

    /**
     * A source address seen attacking: where it is registered, how often it was seen and when.
     *
     * @param address     IPv4 or IPv6 text
     * @param asn         autonomous system number, -1 unknown
     * @param asOrganization may be null
     * @param country     ISO alpha-2 of the address's registration/routing, may be null
     * @param count       attack events seen from it (at least 1)
     * @param attackTypes attack type ids ("brute-force", ...)
     */
    public record Sighting(String address, long asn, String asOrganization, String country, long count,
                           Instant firstSeen, Instant lastSeen, List<String> attackTypes) {
        public Sighting {
            attackTypes = List.copyOf(attackTypes);
            if (count < 1) {
                throw new IllegalArgumentException("a sighting counts at least one event: " + count);
            }
            if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
                throw new IllegalArgumentException("lastSeen before firstSeen for " + address);
            }
        }
    }

    /**
     * Refuses materials whose sightings are not what they claim, where materials come in (a concern
     * filed or materials provided here, a partner's message): what is drawn, counted and printed as
     * an address and a country must be one, not text that only looks like one to some readers.
     * Never on what is stored: an earlier version took what it took, and it must stay readable.
     */
    public static void check(Materials materials) {
        if (materials == null) {
            return;
        }
        for (Sighting s : materials.sightings()) {
            if (s.address() == null || IpAddress.parseOrNull(s.address()) == null) {
                throw new ChannelException(ChannelException.Reason.INVALID, "a sighting's address is no IPv4 or IPv6 address: '"
                        + excerpt(s.address()) + "'");
            }
            if (s.country() != null && !s.country().matches("[A-Z]{2}")) {
                throw new ChannelException(ChannelException.Reason.INVALID, "a sighting's country is no ISO 3166 alpha-2 code"
                        + " (two capital letters): '" + excerpt(s.country()) + "'");
            }
        }
    }

    /** The materials a step carries: a filing's, or provided ones; else null. */
    public static Materials of(MessageBody body) {
        if (body instanceof MessageBody.Filing f) {
            return f.materials();
        }
        return body instanceof MessageBody.MaterialsProvided p ? p.materials() : null;
    }

    /** A partner's text, short and printable, for a reason. */
    private static String excerpt(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || Character.getType(c)
                == Character.FORMAT ? "?" : Character.toString(c)));
        return sb + (s.length() > 40 ? "..." : "");
    }

    /**
     * One log line quoted as evidence.
     *
     * @param file       the input's name as analysed
     * @param fileSha256 hex SHA-256 of the whole input file, or null (stdin), so the counterpart can
     *                   check it has the same file
     * @param line       1-based line number
     * @param text       the line as read
     */
    public record LogExcerpt(String file, String fileSha256, long line, String text) {}

    /**
     * The origin report the materials were cut from.
     *
     * @param title     e.g. "hotline analyze of 3 inputs, 2021-09-17..19"
     * @param sha256    hex SHA-256 of the report's JSON
     * @param generated when the report was made
     * @param summary   one line: "48 % of 1,204 verified sources geolocate to US ..."
     */
    public record ReportReference(String title, String sha256, Instant generated, String summary) {}
}
