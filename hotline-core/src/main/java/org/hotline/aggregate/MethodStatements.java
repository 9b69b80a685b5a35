package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.enrich.DatabaseInfo;

/**
 * The plain-words half of the caveats: what each unit means and what the numbers do and do not
 * show (ATTRIBUTION-NOTES C1.4, C2.7, C3, C4), with this run's figures filled in.
 */
final class MethodStatements {
    private MethodStatements() {}

    /**
     * @param countedTwice attack events certainly counted in more than one attack
     */
    static List<String> statements(ReportInput in, AttacksSection attacks, Caveats.SourceShares shares,
                                   long countedTwice, Caveats.TimeWindow window) {
        List<String> s = new ArrayList<>();
        s.add("A country in this report is where a source address is registered or routed according to the"
                + " databases listed, not who the attacker is: an address identifies a machine (often a"
                + " compromised host, a rented server or a relay), not a person or a state. Read \"sources"
                + " located in X\", never \"attacks by X\".");
        s.add("Only attacks whose source completed a TCP handshake count towards the origin share (attacks by"
                + " country and by ASN): a forged address cannot complete one. " + of(shares.spoofable())
                + " attacking addresses never completed a handshake; their attacks (" + attacks.unverified().attacks()
                + " unverified, " + attacks.reflected().attacks() + " reflected from amplifier ports) are listed in"
                + " their own tables and never added to the origin share.");
        s.add(hasRole(in.databases(), "tor") || shares.tor().sources() > 0
                ? of(shares.tor()) + " attacking addresses are Tor exit relays: their attacks are reported as"
                        + " anonymised (origin unknown) and left out of the origin share."
                : "No Tor exit list was used: Tor exit relays were not recognised and count as origins.");
        s.add(of(shares.nonRoutable()) + " attacking addresses are private, shared, loopback, reserved or bogon"
                + " addresses: inside the network, behind a proxy, or forged; they have no country and are left out"
                + " of the origin share.");
        s.add(of(shares.unknownCountry()) + " attacking addresses are routable but placed in no country by the"
                + " databases; verified ones stay in the origin table as the row without a country (null), so the"
                + " known countries' shares are not inflated.");
        s.add("Geolocation is a database's opinion. Placement at country level is usable but uneven: worse for"
                + " mobile networks, for Africa and Asia, and for router addresses; addresses are re-assigned over"
                + " time, so a database built long after the events may misplace them. " + databases(in.databases()));
        s.add("The country of an address, the registration country of its network and the nationality of whoever"
                + " rents it differ for clouds, multinationals and anycast: read each country next to its ASNs.");
        s.add("One busy address can make a country look like a major source: each row gives its distinct"
                + " addresses, its /24 (IPv4) or /48 (IPv6) networks, and the share of its events that come from"
                + " its busiest address (concentration). Compare the shares by events, by sources and by bytes.");
        if (countedTwice > 0) {
            s.add("At least " + countedTwice + " of the " + attacks.total().events() + " attack events are counted in"
                    + " more than one attack: two detectors flagged the same lines (a honeypot login that is also part"
                    + " of a brute force, a traversal probe that is also part of a path scan). Attack events are summed"
                    + " over the attacks, so they can exceed the parsed events, and the event shares by type add up to"
                    + " 100 % of that sum, not of the lines; the shares by sources count each address once.");
        }
        s.add("Behind a reverse proxy, load balancer or CDN, the address a log names may be the proxy's; Hotline"
                + " takes the address each log line gives.");
        s.add("These numbers describe what the inputs listed saw" + span(window) + "; sensors elsewhere see other"
                + " sources. The detectors' thresholds and the options used are listed with the run's settings.");
        s.add("To go from an address to whoever used it takes the operator's records: ask the network (ASN) or"
                + " the CERT of its country for subscriber or ISP logs and upstream flow data.");
        return s;
    }

    static Map<String, String> units(long eventsWithBytes, long events) {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("event", "one log line or JSON record Hotline parsed: a request, a login attempt, a packet or flow"
                + " record, an alert, a honeypot action; a syslog line \"message repeated N times\" is the N attempts"
                + " it stands for (so events can outnumber the parsed lines)");
        u.put("attack", "one detector finding: one source doing one kind of thing (brute force, scan, flood,"
                + " exploit probe, IDS alert, honeypot use) to one target over a span of time");
        u.put("events", "in event tables, parsed events; in attack tables, the events that make up each attack,"
                + " summed over the attacks: a line that two detectors both flagged counts in each");
        u.put("sources", "distinct source IP addresses, IPv4 and IPv6 alike: one address sending a million"
                + " events counts once");
        u.put("networks", "distinct /24 (IPv4) or /48 (IPv6) networks of the sources");
        u.put("bytes", "sizes the logs gave (HTTP response bytes, flow or packet bytes), summed where known;"
                + " null when none was given, never a made-up 0 (" + eventsWithBytes + " of " + events
                + " parsed events had a size)");
        u.put("percent", "share of a table's own total, 0 to 100 with two decimals: attacks.origin for byCountry"
                + " and byAsn, attacks.total for byType and byTarget, each side table's totals for its rows, all"
                + " events with a source for events.byCountry");
        u.put("concentration", "percent of a row's events that come from its busiest address");
        u.put("asn", "autonomous system number: the network that announces the address on the Internet");
        u.put("firstSeen/lastSeen", "earliest and latest time of the events behind a row, UTC");
        return u;
    }

    static List<String> notMeasured(List<DatabaseInfo> databases) {
        List<String> n = new ArrayList<>();
        n.add("agreement between two geolocation databases: every country is one database's opinion");
        n.add("network type: residential or ISP versus hosting, cloud or VPN");
        n.add("background noise: benign Internet-wide research scanners count like any other source");
        if (hasRole(databases, "tor")) {
            n.add("whether the Tor exit list used covers the time of the events");
        }
        n.add("who the attackers are: see the first statement");
        return n;
    }

    static boolean hasRole(List<DatabaseInfo> databases, String role) {
        return databases.stream().anyMatch(d -> d.role() != null && d.role().contains(role));
    }

    private static String of(Caveats.Share share) {
        return share.sources() + " of " + share.of() + (share.percent() == null ? "" : " (" + share.percent() + " %)");
    }

    private static String span(Caveats.TimeWindow w) {
        if (w.first() == null) {
            return " (no event had a time)";
        }
        return " from " + w.first() + " to " + w.last() + " (times in UTC; buckets in " + w.timeZone() + ")";
    }

    private static String databases(List<DatabaseInfo> databases) {
        if (databases.isEmpty()) {
            return "No database was used: every address is unlocated.";
        }
        List<String> named = new ArrayList<>();
        for (DatabaseInfo d : databases) {
            named.add(d.name() + " (" + d.role() + ", built " + (d.buildDate() == null ? "on an unknown date" : d.buildDate())
                    + (d.sha256() == null ? "" : ", SHA-256 " + d.sha256()) + ")");
        }
        return "Databases used: " + String.join("; ", named) + ".";
    }
}
