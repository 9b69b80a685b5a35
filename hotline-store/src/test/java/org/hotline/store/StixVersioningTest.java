package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.channel.port.CollectionStore.NewObject;
import org.junit.jupiter.api.Test;

/** medallion's determine_version and determine_spec_version, on objects from its fixture and tests. */
class StixVersioningTest {

    @Test
    void anSdoIsVersionedByModified() {
        String json = "{\"created\":\"2016-11-03T12:30:59.000Z\",\"id\":\"indicator--6770298f-0fd8-471a-ab8c-1c658a46574e\","
                + "\"modified\":\"2016-12-25T12:30:59.444Z\",\"spec_version\":\"2.1\",\"type\":\"indicator\"}";
        assertThat(StixVersioning.newObject(json)).isEqualTo(new NewObject("indicator--6770298f-0fd8-471a-ab8c-1c658a46574e",
                "indicator", "2016-12-25T12:30:59.444Z", "2.1", json));
    }

    @Test
    void anObjectWithoutModifiedIsVersionedByCreated() {
        NewObject marking = StixVersioning.newObject("{\"created\":\"2017-01-20T00:00:00.000Z\",\"definition\":{\"tlp\":\"green\"},"
                + "\"definition_type\":\"tlp\",\"id\":\"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da\","
                + "\"name\":\"TLP:GREEN\",\"spec_version\":\"2.1\",\"type\":\"marking-definition\"}");
        assertThat(marking.version()).isEqualTo("2017-01-20T00:00:00.000Z");
        assertThat(marking.specVersion()).isEqualTo("2.1");
    }

    @Test
    void aStix20ObjectHasNoSpecVersionAndIs20() {
        NewObject malware = StixVersioning.newObject("{\"created\":\"2017-01-27T13:49:53.997Z\",\"id\":\"malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec\","
                + "\"modified\":\"2018-02-23T18:30:00.000Z\",\"name\":\"Poison Ivy\",\"type\":\"malware\"}");
        assertThat(malware.specVersion()).isEqualTo("2.0");
        assertThat(malware.version()).isEqualTo("2018-02-23T18:30:00.000Z");
    }

    @Test
    void anScoHasNoVersionOfItsOwnAndIs21() {
        NewObject artifact = StixVersioning.newObject("{\"type\":\"artifact\",\"id\":\"artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641\","
                + "\"mime_type\":\"application/zip\"}");
        assertThat(artifact.version()).isNull();
        assertThat(artifact.specVersion()).isEqualTo("2.1");
        assertThat(StixVersioning.newObject("{\"id\":\"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\",\"value\":\"198.51.100.3\"}").type())
                .as("type from the id when missing").isEqualTo("ipv4-addr");
    }

    @Test
    void refusesWhatCannotBeStored() {
        assertThatThrownBy(() -> StixVersioning.newObject("[1]")).hasMessage("a STIX object needs an 'id' string");
        assertThatThrownBy(() -> StixVersioning.newObject("{\"id\": 7}")).hasMessage("a STIX object needs an 'id' string");
        assertThatThrownBy(() -> StixVersioning.newObject("{\"id\":\"indicator\"}")).hasMessage("'id' is not <type>--<uuid>: 'indicator'");
        assertThatThrownBy(() -> StixVersioning.newObject("{\"id\":\"note--1\",\"created\":\"yesterday\"}"))
                .hasMessage("not an RFC 3339 UTC timestamp: 'yesterday'");
        assertThatThrownBy(() -> StixVersioning.newObject("{\"id\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JSON object");
    }
}
