package org.hotline.stix.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.stix.StixJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The validator against published corpora: the OASIS example bundles and the CTI documentation
 * examples must pass; cti-stix-validator's fixtures and one hand-made object per MUST
 * ({@code stix/invalid/*.json}, each stating the pointer and message it must produce) must fail.
 */
class StixValidatorTest {
    private final StixValidator validator = StixValidator.standard();

    /**
     * Object counts from {@code jq 'if .objects then (.objects|length) else 1 end' FILE}: the OASIS
     * examples hold 260 objects (259 in 7 bundles plus one single campaign), the documentation 62.
     */
    static Stream<Arguments> validCorpus() {
        return Stream.of(
                Arguments.of("oasis-examples/apt1.json", 76), Arguments.of("oasis-examples/poisonivy.json", 155),
                Arguments.of("oasis-examples/indicator-for-c2-ip-address.json", 1),
                Arguments.of("oasis-examples/indicator-to-campaign-relationship.json", 3),
                Arguments.of("oasis-examples/indicators-for-C2-with-COA.json", 8),
                Arguments.of("oasis-examples/infrastructure.json", 10),
                Arguments.of("oasis-examples/interop-objectmarking-test.json", 1),
                Arguments.of("oasis-examples/malicious-email-indicator-with-attachment.json", 6),
                Arguments.of("cti-documentation/defining-campaigns-threat-actors-intrusion-sets.json", 26),
                Arguments.of("cti-documentation/identifying-a-threat-actor-profile.json", 3),
                Arguments.of("cti-documentation/indicator-for-malicious-url.json", 3),
                Arguments.of("cti-documentation/malware-indicator-for-file-hash.json", 3),
                Arguments.of("cti-documentation/sighting-of-an-indicator.json", 4),
                Arguments.of("cti-documentation/sighting-of-observed-data.json", 8),
                Arguments.of("cti-documentation/threat-actor-leveraging-attack-patterns-and-malware.json", 7),
                Arguments.of("cti-documentation/using-granular-markings.json", 4),
                Arguments.of("cti-documentation/using-marking-definitions.json", 4),
                Arguments.of("cti-stix-validator/identity.json", 1), Arguments.of("cti-stix-validator/identity_unicode.json", 1),
                Arguments.of("cti-stix-validator/tool.json", 1), Arguments.of("cti-stix-validator/tlp-amber.json", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCorpus")
    void publishedExamplesAreValid(String file, int objects) {
        JsonNode json = StixJson.read(resource(file));
        boolean container = json.has("objects");
        assertThat(container ? json.get("objects").size() : 1).isEqualTo(objects);
        assertThat(container ? validator.problemsInContainer(json) : validator.problems(json)).isEmpty();
    }

    @Test
    void anIdentityWithoutModifiedIsRefused() {
        List<Problem> problems = validator.problems(StixJson.read(resource("cti-stix-validator/invalid_identity.json")));
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("required property 'modified' not found"));
        assertThat(problems).allMatch(p -> p.objectId().equals("identity--8c6af861-7b20-41ef-9b59-6344fd872a8f"));
    }

    @Test
    void modifiedBeforeCreatedIsRefusedThoughTheSchemaAcceptsIt() {
        List<Problem> problems = validator.problems(StixJson.read(resource("cti-stix-validator/invalid_timestamp.json")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/modified");
            assertThat(p.message()).isEqualTo("modified 2015-08-08T15:50:10.983Z must be the same as or later than created 2016-08-08T15:50:10.983Z");
        });
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> StixJson.read(resource("cti-stix-validator/invalid_comma.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 9");
    }

    @Test
    void duplicateMembersAreRefusedNotResolved() {
        assertThatThrownBy(() -> StixJson.read("{\"type\":\"identity\",\"name\":\"a\",\"name\":\"b\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"created-without-milliseconds", "marking-created-without-milliseconds", "modified-before-created",
            "valid-until-not-after-valid-from", "sighting-last-seen-before-first-seen", "observed-data-last-before-first",
            "camel-case-property", "two-letter-property", "extension-property-upper-case", "empty-list", "empty-nested-list",
            "reserved-severity", "uuid-version-7", "id-of-another-type", "created-by-not-an-identity",
            "marking-ref-not-a-marking", "tlp2-amber-named-clear", "tlp2-under-a-new-id", "confidence-above-100",
            "number-observed-zero", "hotline-extension-bad-severity"})
    void eachBrokenMustIsRefusedWhereItIsBroken(String name) {
        JsonNode fixture = StixJson.read(resource("invalid/" + name + ".json"));
        String pointer = fixture.get("want_pointer").stringValue();
        String message = fixture.get("want_message").stringValue();
        List<Problem> problems = validator.problems(fixture.get("object"));
        assertThat(problems).as(fixture.get("why").stringValue())
                .anySatisfy(p -> {
                    assertThat(p.pointer()).startsWith(pointer);
                    assertThat(p.message()).contains(message);
                });
    }

    @Test
    void inABundleProblemsPointIntoTheBundle() {
        JsonNode bundle = StixJson.read("{\"type\":\"bundle\",\"id\":\"bundle--0b7b3d36-3f6d-4a38-9a5a-8a1c6d0c25a1\",\"objects\":["
                + resource("cti-stix-validator/identity.json") + "," + resource("cti-stix-validator/invalid_timestamp.json") + "]}");
        assertThat(validator.problemsInContainer(bundle)).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/objects/1/modified"));
        JsonNode badBundle = StixJson.read("{\"type\":\"bundle\",\"id\":\"indicator--0b7b3d36-3f6d-4a38-9a5a-8a1c6d0c25a1\",\"objects\":[]}");
        assertThat(validator.problemsInContainer(badBundle)).extracting(Problem::pointer).contains("/id", "/objects");
    }

    private static String resource(String path) {
        try (InputStream in = StixValidatorTest.class.getResourceAsStream("/stix/" + path)) {
            if (in == null) {
                throw new AssertionError("missing test resource stix/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
