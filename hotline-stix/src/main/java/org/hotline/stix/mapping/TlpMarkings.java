package org.hotline.stix.mapping;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.channel.Tlp;
import org.hotline.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TLP 2.0 marking definitions, exactly as OASIS publishes them
 * ({@code oasis-open/cti-stix-common-objects: extension-definition-specifications/tlp-2.0/}): fixed ids,
 * {@code created} 2022-10-01T00:00:00.000Z, no {@code definition_type}, and the TLP 2.0 property
 * extension. Consumers recognise TLP by these ids, so they must never be re-generated.
 *
 * <p>Hazard: every method returns a fresh copy; a caller that mutates the object it got cannot
 * change what the next caller sees.
 */
public final class TlpMarkings {
    /** The OASIS TLP 2.0 extension definition. */
    public static final String EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final String CREATED = "2022-10-01T00:00:00.000Z";
    private static final Map<Tlp, String> IDS = new EnumMap<>(Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));

    private TlpMarkings() {}

    public static String id(Tlp tlp) {
        return IDS.get(tlp);
    }

    /** The level a TLP 2.0 marking id stands for, if it is one. */
    public static Optional<Tlp> levelOf(String markingId) {
        return IDS.entrySet().stream().filter(e -> e.getValue().equals(markingId)).map(Map.Entry::getKey).findFirst();
    }

    /** The OASIS marking-definition object of {@code tlp}. */
    public static ObjectNode marking(Tlp tlp) {
        ObjectNode o = StixJson.object();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", id(tlp));
        o.put("created", CREATED);
        o.put("name", tlp.label());
        ObjectNode ext = o.putObject("extensions").putObject(EXTENSION_ID);
        ext.put("extension_type", "property-extension");
        ext.put("tlp_2_0", tlp.id());
        return o;
    }

    /**
     * The OASIS extension-definition object of TLP 2.0
     * ({@code objects/extension-definition/extension-definition--60a3c5c5-….json}); its
     * {@code created_by_ref} is OASIS's identity, which OASIS does not publish as an object.
     */
    public static ObjectNode extensionDefinition() {
        ObjectNode o = StixJson.object();
        o.put("id", EXTENSION_ID);
        o.put("type", "extension-definition");
        o.put("spec_version", "2.1");
        o.put("name", "TLP 2.0");
        o.put("description", "This defines TLP 2.0 as a STIX extension");
        o.put("created", CREATED);
        o.put("modified", CREATED);
        o.put("created_by_ref", "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01");
        o.put("schema", "https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0");
        o.put("version", "1.0.0");
        o.putArray("extension_types").add("property-extension");
        return o;
    }
}
