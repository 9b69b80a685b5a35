package org.hotline.stix.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Materials;
import org.hotline.channel.Seal;
import org.hotline.channel.Tlp;
import org.hotline.event.IpAddress;
import org.hotline.stix.StixJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a concern's materials as STIX: a {@code grouping} (context {@code suspicious-activity}, id =
 * the materials' id) whose {@code object_refs} are the concern's incident and, per source sighted, the
 * address ({@code ipv4-addr}/{@code ipv6-addr}, {@code belongs_to_refs} its {@code autonomous-system}),
 * an {@code observed-data} over the time range, an {@code indicator} ({@code [ipv4-addr:value = '…']})
 * and a {@code sighting} of it by the author; per log excerpt, the input {@code file} and an
 * {@code artifact} holding the line. The origin report is an external reference of the grouping with
 * its SHA-256.
 *
 * <p>What STIX has no place for stays only in the signed form inside the extension: a source's country
 * (written into the indicator's description), an excerpt's line number, exact counts above STIX's
 * maximum of 999,999,999.
 *
 * <p>Hazard: the output must be a pure function of its arguments (both nodes render it and compare),
 * so no clock, no randomness, no iteration over unordered collections.
 */
final class MaterialsRenderer {
    private static final long STIX_MAX_COUNT = 999_999_999L;

    private MaterialsRenderer() {}

    /** The grouping first, then its members in reference order. */
    static List<ObjectNode> render(Materials m, String concernId, String authorId, Instant created, Tlp tlp) {
        Context c = new Context(m.id(), authorId, CanonicalForm.timestamp(created), TlpMarkings.id(tlp));
        Map<String, ObjectNode> members = new LinkedHashMap<>();
        for (int i = 0; i < m.sightings().size(); i++) {
            sighting(m.sightings().get(i), i, c, members);
        }
        for (Materials.LogExcerpt e : m.excerpts()) {
            excerpt(e, c, members);
        }
        ObjectNode g = c.sdo("grouping", m.id());
        if (m.description() != null) {
            g.put("description", m.description());
        }
        g.put("context", "suspicious-activity");
        ArrayNode refs = g.putArray("object_refs");
        refs.add(concernId);
        members.keySet().forEach(refs::add);
        c.mark(g);
        if (m.report() != null) {
            Materials.ReportReference r = m.report();
            ObjectNode ref = g.putArray("external_references").addObject();
            ref.put("source_name", "hotline-origin-report");
            ref.put("description", r.title() + ", generated " + CanonicalForm.timestamp(r.generated())
                    + (r.summary() == null ? "" : ": " + r.summary()));
            ref.putObject("hashes").put("SHA-256", r.sha256());
        }
        List<ObjectNode> out = new ArrayList<>();
        out.add(g);
        out.addAll(members.values());
        return out;
    }

    private static void sighting(Materials.Sighting s, int index, Context c, Map<String, ObjectNode> members) {
        String addressType = addressType(s.address());
        ObjectNode value = StixJson.object().put("value", s.address());
        ObjectNode address = c.sco(addressType, value);
        String asId = null;
        if (s.asn() >= 0) {
            ObjectNode as = c.sco("autonomous-system", StixJson.object().put("number", s.asn()));
            if (s.asOrganization() != null) {
                as.put("name", s.asOrganization());
            }
            asId = as.get("id").stringValue();
            address.putArray("belongs_to_refs").add(asId);
            c.mark(address);
            members.putIfAbsent(address.get("id").stringValue(), address);
            members.putIfAbsent(asId, c.mark(as));
        } else {
            members.putIfAbsent(address.get("id").stringValue(), c.mark(address));
        }
        String name = c.groupingId + "|" + index + "|" + s.address();
        String observedId = null;
        if (s.firstSeen() != null && s.lastSeen() != null) {
            ObjectNode od = c.sdo("observed-data", StixIds.derived("observed-data", name));
            od.put("first_observed", CanonicalForm.timestamp(s.firstSeen()));
            od.put("last_observed", CanonicalForm.timestamp(s.lastSeen()));
            od.put("number_observed", Math.min(s.count(), STIX_MAX_COUNT));
            ArrayNode refs = od.putArray("object_refs").add(address.get("id").stringValue());
            if (asId != null) {
                refs.add(asId);
            }
            observedId = od.get("id").stringValue();
            members.put(observedId, c.mark(od));
        }
        String what = s.attackTypes().isEmpty() ? "attack" : String.join(", ", s.attackTypes());
        ObjectNode indicator = c.sdo("indicator", StixIds.derived("indicator", name));
        indicator.put("name", (s.attackTypes().isEmpty() ? "attacks" : what) + " from " + s.address());
        indicator.put("description", describe(s, what));
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", "[" + addressType + ":value = '" + patternLiteral(s.address()) + "']");
        indicator.put("pattern_type", "stix");
        indicator.put("pattern_version", "2.1");
        indicator.put("valid_from", s.firstSeen() != null ? CanonicalForm.timestamp(s.firstSeen()) : c.timestamp);
        if (!s.attackTypes().isEmpty()) {
            ArrayNode labels = indicator.putArray("labels");
            s.attackTypes().forEach(labels::add);
        }
        String indicatorId = indicator.get("id").stringValue();
        members.put(indicatorId, c.mark(indicator));
        ObjectNode sighting = c.sdo("sighting", StixIds.derived("sighting", name));
        if (s.firstSeen() != null) {
            sighting.put("first_seen", CanonicalForm.timestamp(s.firstSeen()));
        }
        if (s.lastSeen() != null) {
            sighting.put("last_seen", CanonicalForm.timestamp(s.lastSeen()));
        }
        sighting.put("count", Math.min(s.count(), STIX_MAX_COUNT));
        sighting.put("sighting_of_ref", indicatorId);
        if (observedId != null) {
            sighting.putArray("observed_data_refs").add(observedId);
        }
        sighting.putArray("where_sighted_refs").add(c.authorId);
        members.put(sighting.get("id").stringValue(), c.mark(sighting));
    }

    private static void excerpt(Materials.LogExcerpt e, Context c, Map<String, ObjectNode> members) {
        ObjectNode fileKey = StixJson.object();
        if (e.fileSha256() != null) {
            fileKey.putObject("hashes").put("SHA-256", e.fileSha256());
        }
        fileKey.put("name", e.file());
        ObjectNode file = c.sco("file", fileKey);
        members.putIfAbsent(file.get("id").stringValue(), c.mark(file));

        byte[] line = e.text().getBytes(StandardCharsets.UTF_8);
        String payload = Base64.getEncoder().encodeToString(line);
        String sha256 = Seal.sha256(line);
        ObjectNode artifactKey = StixJson.object();
        artifactKey.putObject("hashes").put("SHA-256", sha256);
        artifactKey.put("payload_bin", payload);
        ObjectNode artifact = c.sco("artifact", artifactKey);
        artifact.put("mime_type", "text/plain");
        members.putIfAbsent(artifact.get("id").stringValue(), c.mark(artifact));
    }

    private static String describe(Materials.Sighting s, String what) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.count()).append(' ').append(what).append(" event").append(s.count() == 1 ? "" : "s")
                .append(" from ").append(s.address());
        List<String> origin = new ArrayList<>();
        if (s.asn() >= 0) {
            origin.add("AS" + s.asn() + (s.asOrganization() == null ? "" : " " + s.asOrganization()));
        }
        if (s.country() != null) {
            origin.add(s.country());
        }
        if (!origin.isEmpty()) {
            sb.append(" (").append(String.join(", ", origin)).append(')');
        }
        if (s.firstSeen() != null && s.lastSeen() != null) {
            sb.append(" between ").append(CanonicalForm.timestamp(s.firstSeen()))
                    .append(" and ").append(CanonicalForm.timestamp(s.lastSeen()));
        }
        return sb.toString();
    }

    /** ipv4-addr or ipv6-addr; refuses anything that is not a literal address (no DNS lookups). */
    static String addressType(String address) {
        if (IpAddress.parseOrNull(address) == null) {
            throw new IllegalArgumentException("sighted source '" + address + "' is not an IPv4 or IPv6 address");
        }
        return address.indexOf(':') >= 0 ? "ipv6-addr" : "ipv4-addr";
    }

    /** STIX patterning string literal: backslash and quote escaped (addresses have neither, but be exact). */
    private static String patternLiteral(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** What every object of one materials set shares. */
    private static final class Context {
        final String groupingId;
        final String authorId;
        final String timestamp;
        final String marking;

        Context(String groupingId, String authorId, String timestamp, String marking) {
            this.groupingId = groupingId;
            this.authorId = authorId;
            this.timestamp = timestamp;
            this.marking = marking;
        }

        ObjectNode sdo(String type, String id) {
            ObjectNode o = StixJson.object();
            o.put("type", type);
            o.put("spec_version", "2.1");
            o.put("id", id);
            o.put("created_by_ref", authorId);
            o.put("created", timestamp);
            o.put("modified", timestamp);
            return o;
        }

        /** An SCO with its deterministic id and its id-contributing properties (which it always carries). */
        ObjectNode sco(String type, ObjectNode idContributing) {
            ObjectNode o = StixJson.object();
            o.put("type", type);
            o.put("spec_version", "2.1");
            o.put("id", StixIds.sco(type, idContributing));
            idContributing.properties().forEach(p -> o.set(p.getKey(), p.getValue().deepCopy()));
            return o;
        }

        ObjectNode mark(ObjectNode o) {
            if (!o.has("object_marking_refs")) {
                o.putArray("object_marking_refs").add(marking);
            }
            return o;
        }
    }
}
