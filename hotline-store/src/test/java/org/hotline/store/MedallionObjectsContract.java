package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.store.MedallionData.INDICATOR_6770;
import static org.hotline.store.MedallionData.INDICATOR_CD98;
import static org.hotline.store.MedallionData.MALWARE;
import static org.hotline.store.MedallionData.MARKING;
import static org.hotline.store.MedallionData.RELATIONSHIP;
import static org.hotline.store.MedallionData.first;
import static org.hotline.store.MedallionData.ids;
import static org.hotline.store.MedallionData.json;
import static org.hotline.store.MedallionData.last;
import static org.hotline.store.MedallionFixture.object;
import static org.hotline.store.MedallionFixture.objects;
import static org.hotline.store.TaxiiFilter.none;

import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Stored;
import org.junit.jupiter.api.Test;

/** medallion's Get Objects and Get An Object tests, at the storage level (see {@link MedallionFixture}). */
interface MedallionObjectsContract extends MedallionFixture {

    /** test_get_objects */
    @Test
    default void getObjects() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none());
            assertThat(page.more()).isFalse();
            assertThat(ids(page)).containsExactly(RELATIONSHIP, INDICATOR_CD98, MARKING, MALWARE, INDICATOR_6770);
            assertThat(first(page)).isEqualTo("2014-05-08T09:00:00.000000Z");
            assertThat(last(page)).isEqualTo("2017-12-31T13:49:53.935000Z");
        }
    }

    /** test_get_object */
    @Test
    default void getObject() {
        try (NodeDatabase db = medallion()) {
            Page page = object(db, MALWARE, none());
            assertThat(ids(page)).containsExactly(MALWARE);
            assertThat(first(page)).isEqualTo("2017-01-27T13:49:59.997000Z");
            assertThat(last(page)).isEqualTo("2017-01-27T13:49:59.997000Z");
        }
    }

    /** test_get_objects_added_after */
    @Test
    default void getObjectsAddedAfter() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().addedAfter("2016-11-03T12:30:59Z"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(3);
        }
    }

    /** test_get_objects_limit */
    @Test
    default void getObjectsLimit() {
        try (NodeDatabase db = medallion()) {
            TaxiiFilter filter = none().limit(3);
            Page page = objects(db, filter);
            assertThat(page.more()).isTrue();
            assertThat(ids(page)).containsExactly(RELATIONSHIP, INDICATOR_CD98, MARKING);
            assertThat(first(page)).isEqualTo("2014-05-08T09:00:00.000000Z");
            assertThat(last(page)).isEqualTo("2017-01-20T00:00:00.000000Z");

            Page next = objects(db, filter.next(page));
            assertThat(next.more()).isFalse();
            assertThat(ids(next)).containsExactly(MALWARE, INDICATOR_6770);
            assertThat(first(next)).isEqualTo("2017-01-27T13:49:59.997000Z");
            assertThat(last(next)).isEqualTo("2017-12-31T13:49:53.935000Z");
        }
    }

    /** test_get_objects_id */
    @Test
    default void getObjectsId() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().id(MALWARE));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(1);
        }
    }

    /** test_get_objects_type */
    @Test
    default void getObjectsType() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().type("indicator"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(2).allSatisfy(o -> assertThat(json(o).get("type").stringValue()).isEqualTo("indicator"));
        }
    }

    /** test_objects_version_match_specific_date */
    @Test
    default void objectsVersionMatchSpecificDate() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().version("2016-12-25T12:30:59.444Z"));
            assertThat(page.more()).isFalse();
            assertThat(ids(page)).containsExactly(INDICATOR_6770);
        }
    }

    /** test_objects_version_match_first */
    @Test
    default void objectsVersionMatchFirst() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().version("first"));
            assertThat(page.more()).isFalse();
            assertThat(modifiedOf(page, INDICATOR_6770)).isEqualTo("2016-11-03T12:30:59.000Z");
            assertThat(modifiedOf(page, MALWARE)).isEqualTo("2017-01-27T13:49:53.997Z");
        }
    }

    /** test_objects_version_match_last */
    @Test
    default void objectsVersionMatchLast() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().version("last"));
            assertThat(page.more()).isFalse();
            assertThat(modifiedOf(page, INDICATOR_6770)).isEqualTo("2017-01-27T13:49:53.935Z");
            // medallion: "the spec_version default filter comes before the version filter", so the
            // malware's newer 2.0 version is not the last one here; its 2.1 version is.
            assertThat(modifiedOf(page, MALWARE)).isEqualTo("2017-01-27T13:49:53.997Z");
        }
    }

    /** test_objects_version_match_all */
    @Test
    default void objectsVersionMatchAll() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().version("all"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(7);
        }
    }

    /** test_get_objects_spec_version_20, _21_20, _21, _default */
    @Test
    default void getObjectsSpecVersion() {
        try (NodeDatabase db = medallion()) {
            Page v20 = objects(db, none().specVersion("2.0"));
            assertThat(v20.objects()).hasSize(1).allSatisfy(o -> assertThat(json(o).has("spec_version")).isFalse());
            assertThat(objects(db, none().specVersion("2.0", "2.1")).objects()).hasSize(5);
            assertThat(objects(db, none().specVersion("2.1")).objects()).hasSize(5)
                    .allSatisfy(o -> assertThat(json(o).get("spec_version").stringValue()).isEqualTo("2.1"));
            assertThat(objects(db, none()).objects()).hasSize(5)
                    .allSatisfy(o -> assertThat(json(o).get("spec_version").stringValue()).isEqualTo("2.1"));
        }
    }

    /** test_get_object_added_after_case1, _case2 */
    @Test
    default void getObjectAddedAfter() {
        try (NodeDatabase db = medallion()) {
            Page none = object(db, MALWARE, none().addedAfter("2018-01-27T13:49:59.997000Z"));
            assertThat(none.objects()).isEmpty();
            assertThat(none.more()).isFalse();
            Page one = object(db, MALWARE, none().addedAfter("2017-01-27T13:49:59Z"));
            assertThat(one.more()).isFalse();
            assertThat(one.objects()).hasSize(1);
        }
    }

    /** test_get_object_limit */
    @Test
    default void getObjectLimit() {
        try (NodeDatabase db = medallion()) {
            Page one = object(db, INDICATOR_6770, none().limit(1));
            assertThat(one.more()).isFalse();
            assertThat(one.objects()).hasSize(1);
            assertThat(first(one)).isEqualTo("2017-12-31T13:49:53.935000Z");
            assertThat(last(one)).isEqualTo("2017-12-31T13:49:53.935000Z");

            TaxiiFilter all = none().version("all").limit(2);
            Page page = object(db, INDICATOR_6770, all);
            assertThat(page.more()).isTrue();
            assertThat(page.objects()).extracting(o -> json(o).get("modified").stringValue())
                    .containsExactly("2016-11-03T12:30:59.000Z", "2016-12-25T12:30:59.444Z");
            assertThat(first(page)).isEqualTo("2016-11-03T12:30:59.001000Z");
            assertThat(last(page)).isEqualTo("2016-12-27T13:49:59.000000Z");

            Page next = object(db, INDICATOR_6770, all.next(page));
            assertThat(next.more()).isFalse();
            assertThat(next.objects()).hasSize(1);
            assertThat(first(next)).isEqualTo("2017-12-31T13:49:53.935000Z");
            assertThat(last(next)).isEqualTo("2017-12-31T13:49:53.935000Z");
        }
    }

    /** test_get_object_version_single (its three parameter sets) */
    @Test
    default void getObjectVersionSingle() {
        try (NodeDatabase db = medallion()) {
            String[][] cases = {
                    {"2016-12-25T12:30:59.444Z", "2016-12-25T12:30:59.444Z"},
                    {"first", "2016-11-03T12:30:59.000Z"},
                    {"last", "2017-01-27T13:49:53.935Z"}};
            for (String[] c : cases) {
                Page page = object(db, INDICATOR_6770, none().version(c[0]));
                assertThat(page.more()).isFalse();
                assertThat(page.objects()).as("match[version]=%s", c[0]).singleElement().satisfies(o -> {
                    assertThat(o.id()).isEqualTo(INDICATOR_6770);
                    assertThat(json(o).get("modified").stringValue()).isEqualTo(c[1]);
                });
            }
        }
    }

    /** test_get_object_version_match_all */
    @Test
    default void getObjectVersionMatchAll() {
        try (NodeDatabase db = medallion()) {
            Page page = object(db, INDICATOR_6770, none().version("all"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(3);
        }
    }

    /** test_get_object_spec_version_20, _21, _2021, _default */
    @Test
    default void getObjectSpecVersion() {
        try (NodeDatabase db = medallion()) {
            assertThat(object(db, MALWARE, none().specVersion("2.0")).objects()).singleElement()
                    .satisfies(o -> assertThat(json(o).has("spec_version")).isFalse());
            assertThat(object(db, MALWARE, none().specVersion("2.1")).objects()).singleElement()
                    .satisfies(o -> assertThat(json(o).get("spec_version").stringValue()).isEqualTo("2.1"));
            // Both spec versions asked for: the version filter (last) then picks the newer, 2.0 one.
            assertThat(object(db, MALWARE, none().specVersion("2.0", "2.1")).objects()).singleElement()
                    .satisfies(o -> assertThat(json(o).get("modified").stringValue()).isEqualTo("2018-02-23T18:30:00.000Z"));
            assertThat(object(db, MALWARE, none()).objects()).singleElement()
                    .satisfies(o -> assertThat(json(o).get("spec_version").stringValue()).isEqualTo("2.1"));
        }
    }

    /** test_get_objects_match_type_version */
    @Test
    default void getObjectsMatchTypeVersion() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().type("indicator").version("2017-01-27T13:49:53.935Z"));
            assertThat(page.objects()).singleElement().satisfies(o -> {
                assertThat(o.type()).isEqualTo("indicator");
                assertThat(o.id()).isEqualTo(INDICATOR_6770);
            });
        }
    }

    private static String modifiedOf(Page page, String id) {
        return page.objects().stream().filter(o -> o.id().equals(id)).map(Stored::json)
                .map(j -> MedallionData.JSON.readTree(j).get("modified").stringValue()).findFirst().orElseThrow();
    }
}
