package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.store.MedallionData.ADD;
import static org.hotline.store.MedallionData.HIGH_VALUE;
import static org.hotline.store.MedallionData.INDICATOR_6770;
import static org.hotline.store.MedallionData.INDICATOR_CD98;
import static org.hotline.store.MedallionData.JSON;
import static org.hotline.store.MedallionData.RELATIONSHIP;
import static org.hotline.store.MedallionData.TEST_OBJECT;
import static org.hotline.store.TaxiiFilter.none;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.CollectionStore.Added;
import org.hotline.channel.port.CollectionStore.NewObject;
import org.hotline.channel.port.CollectionStore.Stored;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** medallion's Add Objects and Delete An Object tests, at the storage level (see {@link MedallionFixture}). */
interface MedallionWritesContract extends MedallionFixture {
    String COA = "course-of-action--68794cd5-28db-429d-ab1e-1256704ef906";

    private static NewObject stix(ObjectNode o) {
        return StixVersioning.newObject(JSON.writeValueAsString(o));
    }

    private static ObjectNode testObject() {
        return (ObjectNode) JSON.readTree(TEST_OBJECT);
    }

    private static List<String> versionsOf(CollectionStore store, String id) {
        return store.find(ADD, none().id(id).version("all").query()).objects().stream().map(Stored::version).toList();
    }

    /** test_add_and_delete_object */
    @Test
    default void addAndDeleteObject() {
        try (NodeDatabase db = medallion()) {
            CollectionStore store = db.collections();
            assertThat(store.add(ADD, List.of(stix(testObject())))).containsExactly(Added.ADDED);
            assertThat(store.find(ADD, none().query()).objects()).extracting(Stored::id).contains(COA);
            assertThat(store.find(ADD, none().id(COA).query()).objects()).extracting(Stored::id).containsExactly(COA);

            assertThat(store.delete(ADD, COA, Set.of(), Set.of())).isEqualTo(1);
            assertThat(store.find(ADD, none().id(COA).query()).objects()).isEmpty();
            assertThat(versionsOf(store, COA)).isEmpty();
        }
    }

    /** test_delete_objects_version */
    @Test
    default void deleteObjectsVersion() {
        try (NodeDatabase db = medallion()) {
            CollectionStore store = db.collections();
            ObjectNode coa = testObject();
            coa.put("created", "2014-01-27T13:49:53.935Z");
            List<NewObject> five = new ArrayList<>(List.of(stix(coa)));   // still modified 2017-01-27
            for (String modified : List.of("2015-01-27T13:49:53.935Z", "2016-01-27T13:49:53.935Z", "2018-01-27T13:49:53.935Z",
                    "2019-01-27T13:49:53.935Z")) {
                coa.put("modified", modified);
                five.add(stix(coa));
            }
            assertThat(store.add(ADD, five)).containsOnly(Added.ADDED).hasSize(5);
            assertThat(versionsOf(store, COA)).hasSize(5);

            store.delete(ADD, COA, Set.of("2018-01-27T13:49:53.935Z"), Set.of());
            assertThat(versionsOf(store, COA)).hasSize(4).doesNotContain("2018-01-27T13:49:53.935Z");
            store.delete(ADD, COA, Set.of("first"), Set.of());
            assertThat(versionsOf(store, COA)).hasSize(3).doesNotContain("2015-01-27T13:49:53.935Z");
            store.delete(ADD, COA, Set.of("last"), Set.of());
            assertThat(versionsOf(store, COA)).hasSize(2).doesNotContain("2019-01-27T13:49:53.935Z");
            store.delete(ADD, COA, Set.of("all"), Set.of());
            assertThat(versionsOf(store, COA)).isEmpty();
        }
    }

    /** test_delete_objects_spec_version */
    @Test
    default void deleteObjectsSpecVersion() {
        try (NodeDatabase db = medallion()) {
            CollectionStore store = db.collections();
            ObjectNode older = testObject();
            ObjectNode newer = testObject();
            newer.put("modified", "2019-01-27T13:49:53.935Z");
            newer.put("spec_version", "2.0");
            store.add(ADD, List.of(stix(older), stix(newer)));

            store.delete(ADD, COA, Set.of(), Set.of("2.0"));
            assertThat(versionsOf(store, COA)).hasSize(1).doesNotContain("2019-01-27T13:49:53.935Z");
            store.delete(ADD, COA, Set.of(), Set.of("2.1"));
            assertThat(versionsOf(store, COA)).isEmpty();
        }
    }

    /** test_SCO_versioning: an SCO has no created/modified; its version is its date added. */
    @Test
    default void scoVersioning() {
        MutableClock clock = new MutableClock(MedallionData.TEST_TIME);
        try (NodeDatabase db = medallion(clock)) {
            CollectionStore store = db.collections();
            String artifact = "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641";
            store.add(ADD, List.of(StixVersioning.newObject("{\"type\":\"artifact\",\"spec_version\":\"2.1\",\"id\":\"" + artifact
                    + "\",\"mime_type\":\"application/zip\",\"encryption_algorithm\":\"mime-type-indicated\","
                    + "\"decryption_key\":\"My voice is my passport\"}")));

            for (String version : List.of("all", "first", "last")) {
                assertThat(store.find(ADD, none().id(artifact).version(version).query()).objects()).as(version).hasSize(1);
            }
            assertThat(store.find(ADD, none().id(artifact).addedAfter("2017-01-27T13:49:53.935Z").query()).objects()).hasSize(1);
            assertThat(store.find(ADD, none().id(artifact).addedAfter(clock.instant().toString()).query()).objects()).isEmpty();
            Stored sco = store.find(ADD, none().id(artifact).query()).objects().get(0);
            assertThat(sco.version()).isEqualTo(TaxiiTime.format(sco.dateAdded())).isEqualTo("2026-11-22T12:00:00.000000Z");
            assertThat(sco.specVersion()).isEqualTo("2.1");
        }
    }

    /** test_object_already_present: the same id and version again, with and without modified. */
    @Test
    default void objectAlreadyPresent() {
        try (NodeDatabase db = medallion()) {
            CollectionStore store = db.collections();
            ObjectNode copy = (ObjectNode) JSON.readTree("{\"created\":\"2014-05-08T09:00:00.000Z\",\"modified\":\"2014-05-08T09:00:00.000Z\","
                    + "\"id\":\"" + RELATIONSHIP + "\",\"relationship_type\":\"indicates\",\"source_ref\":\"" + INDICATOR_CD98 + "\","
                    + "\"spec_version\":\"2.1\",\"target_ref\":\"malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec\",\"type\":\"relationship\"}");
            ObjectNode withoutModified = copy.deepCopy();
            withoutModified.remove("modified");
            assertThat(store.add(ADD, List.of(stix(copy)))).containsExactly(Added.ADDED);
            assertThat(store.add(ADD, List.of(stix(copy), stix(withoutModified))))
                    .containsExactly(Added.ALREADY_PRESENT, Added.ALREADY_PRESENT);
            assertThat(store.add(HIGH_VALUE, List.of(stix(copy)))).as("present in the fixture's collection")
                    .containsExactly(Added.ALREADY_PRESENT);
            assertThat(versionsOf(store, RELATIONSHIP)).hasSize(1);
        }
    }

    /** test_get_objects_match_type_spec_version */
    @Test
    default void getObjectsMatchTypeSpecVersion() {
        try (NodeDatabase db = medallion()) {
            String indicator = "indicator--68794cd5-28db-429d-ab1e-1256704ef906";
            db.collections().add(HIGH_VALUE, List.of(StixVersioning.newObject("{\"type\":\"indicator\",\"spec_version\":\"2.0\","
                    + "\"id\":\"" + indicator + "\",\"created\":\"2017-01-27T13:49:53.935Z\",\"modified\":\"2017-01-27T13:49:53.935Z\","
                    + "\"name\":\"Test object\"}")));

            assertThat(db.collections().find(HIGH_VALUE, none().type("indicator").specVersion("2.1").query()).objects())
                    .extracting(Stored::type, Stored::id, Stored::specVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("indicator", INDICATOR_CD98, "2.1"),
                            org.assertj.core.groups.Tuple.tuple("indicator", INDICATOR_6770, "2.1"));
            assertThat(db.collections().find(HIGH_VALUE, none().type("indicator").specVersion("2.0").query()).objects())
                    .extracting(Stored::type, Stored::id, Stored::specVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("indicator", indicator, "2.0"));
        }
    }
}
