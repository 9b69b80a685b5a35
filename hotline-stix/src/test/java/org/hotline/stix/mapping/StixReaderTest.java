package org.hotline.stix.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hotline.channel.ChannelException;
import org.hotline.channel.ChannelException.Reason;
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

/**
 * Reading STIX back into messages, and refusing what was altered. Each tampering case edits the JSON
 * text of a real export the way an attacker or a broken relay would, then reads it as a node would.
 */
class StixReaderTest {
    static TwoNodes nodes;
    static List<Message> history;
    static String exported;
    final StixReader reader = new StixReader(StixValidator.standard());

    @BeforeAll
    static void export() {
        nodes = new TwoNodes();
        history = nodes.fullHistory();
        exported = StixJson.write(ConcernExport.bundle(history, nodes.parties()));
    }

    @Test
    void anExportReadsBackToTheSignedHistory() {
        Decoded d = reader.read(StixJson.read(exported), id -> Optional.empty());
        assertThat(d.refused()).isEmpty();
        List<Message> messages = d.messages().stream().map(Decoded.Carried::message).toList();
        assertThat(messages).isEqualTo(history);
        assertThat(HistoryCheck.problems(messages, nodes.keys())).isEmpty();
        // The filing's materials are 18 objects and the provided materials 6 (ConcernExportTest counts them).
        assertThat(d.messages().get(0).objects()).hasSize(1 + 18);
        // Its address and AS are the filing's: the export holds them once, and they go with the filing.
        assertThat(d.messages().get(4).objects()).hasSize(1 + 6);
        assertThat(d.others()).extracting(o -> o.get("id").stringValue()).containsExactly(TlpMarkings.EXTENSION_ID,
                TlpMarkings.id(Tlp.AMBER), HotlineExtension.ISSUER_ID, HotlineExtension.ID, nodes.ru.party.id(), nodes.us.party.id());
        assertThat(d.parties()).containsExactly(nodes.ru.party, nodes.us.party);
        assertThat(d.accepted()).hasSize(37);
    }

    @Test
    void aNoteAloneNeedsItsConcernKnownHere() {
        ObjectNode envelope = ConcernExport.envelope(MessageRenderer.render(history.get(1), Tlp.AMBER));
        Decoded unknown = reader.read(envelope, id -> Optional.empty());
        assertThat(unknown.messages()).isEmpty();
        assertThat(unknown.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(r.problem()).contains("whose filing is neither in this batch nor known here");
        });
        Decoded known = reader.read(envelope, id -> id.equals(history.get(0).concernId()) ? Optional.of(Tlp.AMBER) : Optional.empty());
        assertThat(known.messages()).extracting(Decoded.Carried::message).containsExactly(history.get(1));
    }

    @Test
    void aNameChangedOutsideTheSignedFormIsRefusedWithItsPlace() {
        Decoded d = readTampered(o -> o.get("type").stringValue().equals("incident"),
                o -> o.put("name", "Attacks on the election commission from RU address space"));
        assertThat(d.refused()).first().satisfies(r -> {
            assertThat(r.objectId()).isEqualTo(history.get(0).id());
            assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(r.problem()).contains("altered outside what " + nodes.ru.party.id() + " signed: /name: expected "
                    + "\"Attacks on the election commission from US address space\" but found \"Attacks on the election commission from RU address space\"");
        });
        // The filing's 18 materials objects go with it: they render a message that was refused.
        assertThat(d.refused()).hasSize(1 + 18);
        assertThat(d.messages()).extracting(c -> c.message().id()).doesNotContain(history.get(0).id()).hasSize(6);
    }

    @Test
    void aNoteRemarkedClearIsRefused() {
        String noteId = history.get(3).id();
        Decoded d = readTampered(o -> o.get("id").stringValue().equals(noteId), o -> ((tools.jackson.databind.node.ArrayNode)
                o.get("object_marking_refs")).set(0, StixJson.NODES.stringNode(TlpMarkings.id(Tlp.CLEAR))));
        assertThat(d.refused()).singleElement().satisfies(r -> {
            assertThat(r.objectId()).isEqualTo(noteId);
            assertThat(r.problem()).contains("/object_marking_refs/0: expected \"" + TlpMarkings.id(Tlp.AMBER) + "\"");
        });
    }

    @Test
    void anIndicatorPatternChangedInTheMaterialsIsRefused() {
        Decoded d = readTampered(o -> o.path("pattern").asString("").equals("[ipv4-addr:value = '198.51.100.23']")
                        && o.get("valid_from").stringValue().startsWith("2021-09-17"),
                o -> o.put("pattern", "[ipv4-addr:value = '192.0.2.1']"));
        assertThat(d.refused()).singleElement().satisfies(r -> {
            assertThat(r.objectId()).startsWith("indicator--");
            assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(r.problem()).contains("/pattern: expected \"[ipv4-addr:value = '198.51.100.23']\"");
        });
        assertThat(d.messages()).hasSize(7);
    }

    @Test
    void aChangeInsideTheSignedFormRendersConsistentlyButBreaksTheSignature() {
        // An attacker who edits the signed summary and the incident's name alike passes the rendering
        // check; the Ed25519 signature does not verify, and the partner's desk refuses the filing.
        Decoded d = readTampered(o -> o.get("type").stringValue().equals("incident"), o -> {
            o.put("name", "Nothing to see");
            ((ObjectNode) o.get("extensions").get(HotlineExtension.ID).get("signed_message").get("body")).put("summary", "Nothing to see");
        });
        assertThat(d.refused()).isEmpty();
        Message forged = d.messages().get(0).message();
        assertThat(HistoryCheck.problems(List.of(forged), nodes.keys())).singleElement().asString()
                .contains("signature does not verify with " + nodes.ru.party.id() + "'s key");
        assertThatThrownBy(() -> nodes.us.desk.receive(forged)).isInstanceOfSatisfying(ChannelException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void aNoteReplayedUnderAnotherIdIsRefused() {
        String noteId = history.get(2).id();
        Decoded d = readTampered(o -> o.get("id").stringValue().equals(noteId),
                o -> o.put("id", "note--3b6f1d7e-2f1c-4f7a-9c64-0f4b1e2d9a11"));
        assertThat(d.refused()).singleElement().satisfies(r -> {
            assertThat(r.objectId()).isEqualTo("note--3b6f1d7e-2f1c-4f7a-9c64-0f4b1e2d9a11");
            assertThat(r.reason()).isEqualTo(Reason.INVALID);
            assertThat(r.problem()).contains("carries message " + noteId);
        });
    }

    @Test
    void aReplacedPublishedDefinitionIsRefused() {
        Decoded d = readTampered(o -> o.get("id").stringValue().equals(HotlineExtension.ID), o -> o.put("version", "9.9.9"));
        assertThat(d.refused()).singleElement().satisfies(r -> assertThat(r.problem())
                .contains("is not the published object with this id: /version: expected \"1.0.0\" but found \"9.9.9\""));
    }

    @Test
    void invalidObjectsAreRefusedAndTheRestOfTheBatchIsKept() {
        Decoded d = readTampered(o -> o.get("id").stringValue().equals(history.get(6).id()), o -> o.put("modified", "2021-09-19T12:41:59.999Z"));
        assertThat(d.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.INVALID);
            assertThat(r.problem()).contains("/modified: modified 2021-09-19T12:41:59.999Z must be the same as or later than created");
        });
        assertThat(d.messages()).hasSize(6);
    }

    @Test
    void objectsOfOtherProducersAreKeptAsTheyAre() throws IOException {
        JsonNode apt1 = StixJson.read(resource("stix/oasis-examples/apt1.json"));
        Decoded d = reader.read(apt1, id -> Optional.empty());
        assertThat(d.refused()).isEmpty();
        assertThat(d.messages()).isEmpty();
        // jq '.objects | length' apt1.json
        assertThat(d.others()).hasSize(76);
    }

    @Test
    void somethingThatIsNoContainerIsRefusedWhole() {
        assertThatThrownBy(() -> reader.read(StixJson.read("[1,2]"), id -> Optional.empty()))
                .hasMessageContaining("expected a STIX bundle or TAXII envelope");
    }

    private Decoded readTampered(java.util.function.Predicate<JsonNode> which, Consumer<ObjectNode> edit) {
        JsonNode bundle = StixJson.read(exported);
        int edited = 0;
        for (JsonNode o : bundle.get("objects")) {
            if (which.test(o)) {
                edit.accept((ObjectNode) o);
                edited++;
            }
        }
        assertThat(edited).as("objects tampered with").isEqualTo(1);
        return reader.read(StixJson.read(StixJson.write(bundle)), id -> Optional.empty());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = StixReaderTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
