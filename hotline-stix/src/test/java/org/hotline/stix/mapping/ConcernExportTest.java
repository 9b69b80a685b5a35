package org.hotline.stix.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.Tlp;
import org.hotline.stix.StixJson;
import org.hotline.stix.TwoNodes;
import org.hotline.stix.validate.StixValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ConcernExportTest {
    static TwoNodes nodes;
    static List<Message> full;
    static List<ObjectNode> objects;

    @BeforeAll
    static void render() {
        nodes = new TwoNodes();
        full = nodes.fullHistory();
        assertThat(HistoryCheck.problems(full, nodes.keys())).isEmpty();
        objects = ConcernExport.objects(full, nodes.parties());
    }

    @Test
    void everyObjectOfAFullHistoryValidates() {
        StixValidator v = StixValidator.standard();
        assertThat(objects).allSatisfy(o -> assertThat(v.problems(o)).as(o.get("id").stringValue()).isEmpty());
        assertThat(v.problemsInContainer(ConcernExport.bundle(full, nodes.parties()))).isEmpty();
        for (List<Message> h : List.of(nodes.rejectedHistory(), nodes.withdrawnHistory())) {
            assertThat(v.problemsInContainer(ConcernExport.bundle(h, nodes.parties()))).isEmpty();
        }
    }

    @Test
    void holdsEveryObjectTypeOnceWithTheCountsTheHistoryImplies() {
        // Counted by hand from TwoNodes.fullHistory(): 6 fixed objects (TLP 2.0 definition, the AMBER
        // marking, Hotline's issuer and definition, the two parties), 7 messages (incident + 6 notes),
        // the filing's materials (grouping, 2 ipv4 + 1 ipv6, 2 AS, 2 observed-data as the third source
        // has no time range, 3 indicators, 3 sightings, 2 files, 2 artifacts = 18) and the provided
        // materials (grouping, observed-data, indicator, sighting, file, artifact = 6; its address and
        // AS are the filing's, identical, so they appear once).
        Map<String, Long> byType = new TreeMap<>(objects.stream()
                .collect(Collectors.groupingBy(o -> o.get("type").stringValue(), Collectors.counting())));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("extension-definition", 2L), Map.entry("marking-definition", 1L), Map.entry("identity", 3L),
                Map.entry("incident", 1L), Map.entry("note", 6L), Map.entry("grouping", 2L), Map.entry("ipv4-addr", 2L),
                Map.entry("ipv6-addr", 1L), Map.entry("autonomous-system", 2L), Map.entry("observed-data", 3L),
                Map.entry("indicator", 4L), Map.entry("sighting", 4L), Map.entry("file", 3L), Map.entry("artifact", 3L)));
        assertThat(objects).hasSize(37);
        assertThat(objects.stream().map(o -> StixJson.write(o)).distinct()).hasSize(37);
    }

    @Test
    void isAPureFunctionOfTheHistorySoBothNodesExportTheSameBytes() {
        List<Message> atUs = nodes.us.history(full.get(0).concernId());
        assertThat(atUs).isEqualTo(full);
        String ruExport = StixJson.write(ConcernExport.bundle(full, nodes.parties()));
        String usExport = StixJson.write(ConcernExport.bundle(atUs, List.of(nodes.us.party, nodes.ru.party)));
        assertThat(usExport).isEqualTo(ruExport);
        String shorter = StixJson.write(ConcernExport.bundle(full.subList(0, 3), nodes.parties()));
        assertThat(StixJson.read(shorter).get("id")).isNotEqualTo(StixJson.read(ruExport).get("id"));
    }

    @Test
    void theFilingIsAnIncidentWithItsSignedFormInTheExtension() {
        Message filing = full.get(0);
        JsonNode incident = byId(filing.id());
        assertThat(incident.get("type").stringValue()).isEqualTo("incident");
        assertThat(incident.get("name").stringValue()).isEqualTo("Attacks on the election commission from US address space");
        assertThat(incident.get("created").stringValue()).isEqualTo("2021-09-19T08:00:00.000Z");
        assertThat(incident.get("modified")).isEqualTo(incident.get("created"));
        assertThat(incident.get("created_by_ref").stringValue()).isEqualTo(nodes.ru.party.id());
        assertThat(incident.has("severity")).as("top-level severity is reserved by STIX").isFalse();
        JsonNode ext = incident.get("extensions").get(HotlineExtension.ID);
        assertThat(ext.get("extension_type").stringValue()).isEqualTo("property-extension");
        assertThat(ext.get("severity").stringValue()).isEqualTo("high");
        assertThat(ext.get("concern_kind").stringValue()).isEqualTo("request-for-investigation");
        assertThat(ext.get("tlp").stringValue()).isEqualTo("amber");
        assertThat(ext.get("signed_message")).isEqualTo(CanonicalForm.tree(filing));
        assertThat(ext.get("signed_message").get("signature").stringValue()).isEqualTo(filing.signature());
    }

    @Test
    void laterMessagesAreNotesOnTheIncident() {
        Message response = full.get(5);
        JsonNode note = byId(response.id());
        assertThat(note.get("type").stringValue()).isEqualTo("note");
        assertThat(note.get("abstract").stringValue()).isEqualTo("Response: action-taken");
        assertThat(note.get("content").stringValue()).isEqualTo("Both sources were rented servers used as scanners; "
                + "the customers were identified.\n\nActions taken:\n- AS64496 suspended the customer's server\n"
                + "- AS64511 null-routed 2001:db8:85a3::8a2e:370:7334\n\nOutcome: action-taken");
        assertThat(strings(note.get("object_refs"))).containsExactly(response.concernId());
        assertThat(note.get("extensions").get(HotlineExtension.ID).get("signed_message").get("previous_hash").stringValue())
                .isEqualTo(response.previousHash());
        Message provided = full.get(4);
        JsonNode providedNote = byId(provided.id());
        assertThat(strings(providedNote.get("object_refs"))).containsExactly(provided.concernId(),
                byType("grouping").get(1).get("id").stringValue());
        assertThat(byId(full.get(6).id()).get("content").stringValue()).isEqualTo("The concern is closed.");
    }

    @Test
    void everyObjectOfTheConcernCarriesItsTlpAndNothingElseDoes() {
        String amber = TlpMarkings.id(Tlp.AMBER);
        Set<String> fixed = Set.of(TlpMarkings.EXTENSION_ID, amber, HotlineExtension.ID, HotlineExtension.ISSUER_ID,
                nodes.ru.party.id(), nodes.us.party.id());
        for (JsonNode o : objects) {
            if (fixed.contains(o.get("id").stringValue())) {
                assertThat(o.has("object_marking_refs")).as(o.get("id").stringValue()).isFalse();
            } else {
                assertThat(strings(o.get("object_marking_refs"))).as(o.get("id").stringValue()).containsExactly(amber);
            }
        }
        assertThat(byId(amber)).isEqualTo(TlpMarkings.marking(Tlp.AMBER));
    }

    @Test
    void materialsBecomeAGroupingOfObservablesSightingsAndIndicators() {
        JsonNode grouping = byType("grouping").get(0);
        assertThat(grouping.get("context").stringValue()).isEqualTo("suspicious-activity");
        List<String> refs = strings(grouping.get("object_refs"));
        assertThat(refs.get(0)).isEqualTo(full.get(0).concernId());
        // "ipv4-addr--" + uuid5 of {"value":"198.51.100.23"} (Python, as in StixIdsTest).
        JsonNode ip = byId("ipv4-addr--cec0294c-86c8-52cc-8448-ba43593736df");
        assertThat(refs).contains(ip.get("id").stringValue());
        assertThat(strings(ip.get("belongs_to_refs"))).containsExactly("autonomous-system--9ad79ee3-2fde-5015-b0cc-7a96404effca");
        assertThat(byId("autonomous-system--9ad79ee3-2fde-5015-b0cc-7a96404effca").get("name").stringValue()).isEqualTo("Example Hosting");

        JsonNode v6indicator = byType("indicator").stream()
                .filter(i -> i.get("pattern").stringValue().startsWith("[ipv6-addr")).findFirst().orElseThrow();
        assertThat(v6indicator.get("pattern").stringValue()).isEqualTo("[ipv6-addr:value = '2001:db8:85a3::8a2e:370:7334']");
        assertThat(v6indicator.get("valid_from").stringValue()).isEqualTo("2021-09-18T02:11:45.000Z");
        assertThat(v6indicator.get("description").stringValue()).isEqualTo("37 web-exploit, path-scan events from "
                + "2001:db8:85a3::8a2e:370:7334 (AS64511 Example Transit, US) between 2021-09-18T02:11:45.000Z and 2021-09-18T02:19:12.000Z");

        JsonNode sighting = byType("sighting").get(0);
        assertThat(sighting.get("count").asLong()).isEqualTo(412);
        assertThat(sighting.get("first_seen").stringValue()).isEqualTo("2021-09-17T10:05:03.000Z");
        assertThat(sighting.get("last_seen").stringValue()).isEqualTo("2021-09-19T07:59:00.000Z");
        assertThat(strings(sighting.get("where_sighted_refs"))).containsExactly(nodes.ru.party.id());
        JsonNode observed = byId(strings(sighting.get("observed_data_refs")).get(0));
        assertThat(observed.get("number_observed").asLong()).isEqualTo(412);
        assertThat(strings(observed.get("object_refs"))).containsExactly(ip.get("id").stringValue(),
                "autonomous-system--9ad79ee3-2fde-5015-b0cc-7a96404effca");

        JsonNode noTimes = byType("sighting").get(2);
        assertThat(noTimes.has("first_seen")).isFalse();
        assertThat(noTimes.has("observed_data_refs")).isFalse();
        assertThat(noTimes.get("count").asLong()).isEqualTo(5);

        assertThat(grouping.get("external_references").get(0).get("hashes").get("SHA-256").stringValue()).isEqualTo("c0ffee00".repeat(8));
    }

    @Test
    void logExcerptsBecomeArtifactsWithTheLineAndItsSha256() {
        // printf '%s' 'Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2' | sha256sum
        JsonNode artifact = byId("artifact--15a662d9-966a-51ef-916c-134e5368c603");
        assertThat(artifact.get("hashes").get("SHA-256").stringValue())
                .isEqualTo("4c6dc7d0c34975893b5d63b81d077b5165dc36b94fbbaade43ec52f73a7496e3");
        assertThat(new String(Base64.getDecoder().decode(artifact.get("payload_bin").stringValue()), StandardCharsets.UTF_8))
                .isEqualTo("Sep 17 10:05:03 gw sshd[812]: Failed password for root from 198.51.100.23 port 51022 ssh2");
        assertThat(artifact.get("mime_type").stringValue()).isEqualTo("text/plain");
        JsonNode file = byId("file--50d7b170-8290-5de9-bd8f-ef05915bf954");
        assertThat(file.get("name").stringValue()).isEqualTo("auth.log");
    }

    @Test
    void theExtensionDefinitionEmbedsItsSchemaAndIsIssuedByHotline() {
        JsonNode def = byId(HotlineExtension.ID);
        assertThat(def.get("created_by_ref").stringValue()).isEqualTo(HotlineExtension.ISSUER_ID);
        assertThat(StixJson.read(def.get("schema").stringValue())).isEqualTo(HotlineExtension.schema());
        assertThat(strings(def.get("extension_types"))).containsExactly("property-extension");
        assertThat(byId(HotlineExtension.ISSUER_ID).get("name").stringValue()).isEqualTo("Hotline");
    }

    @Test
    void partiesAreIdentitiesWithTheirKeys() {
        JsonNode ru = byId(nodes.ru.party.id());
        assertThat(ru.get("name").stringValue()).isEqualTo("RU-CERT");
        assertThat(ru.get("extensions").get(HotlineExtension.ID).get("party").get("public_key").stringValue())
                .isEqualTo(nodes.ru.party.publicKey());
        assertThat(PartyIdentity.parse(ru)).contains(nodes.ru.party);
    }

    @Test
    void refusesADraftAndAHistoryWithoutItsParties() {
        Message filing = full.get(0);
        Message draft = new Message(filing.id(), filing.concernId(), filing.author(), filing.created(), filing.body(), null, null);
        assertThatThrownBy(() -> MessageRenderer.render(draft, Tlp.AMBER)).hasMessageContaining("unsealed draft");
        assertThatThrownBy(() -> ConcernExport.objects(full, List.of(nodes.ru.party)))
                .hasMessageContaining("party " + nodes.us.party.id() + " of the concern is not among the parties given");
    }

    private static JsonNode byId(String id) {
        return objects.stream().filter(o -> o.get("id").stringValue().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + id));
    }

    private static List<ObjectNode> byType(String type) {
        return objects.stream().filter(o -> o.get("type").stringValue().equals(type)).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}
