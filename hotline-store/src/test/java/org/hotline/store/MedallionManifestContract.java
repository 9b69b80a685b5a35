package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.store.MedallionData.INDICATOR_6770;
import static org.hotline.store.MedallionData.MALWARE;
import static org.hotline.store.MedallionData.RELATIONSHIP;
import static org.hotline.store.MedallionData.first;
import static org.hotline.store.MedallionData.last;
import static org.hotline.store.MedallionFixture.objects;
import static org.hotline.store.MedallionFixture.versions;
import static org.hotline.store.TaxiiFilter.none;

import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Stored;
import org.junit.jupiter.api.Test;

/**
 * medallion's Get Object Manifests and Get Object Versions tests, at the storage level: a manifest
 * entry is a stored row's id, date added, version and spec version (the media type's version).
 */
interface MedallionManifestContract extends MedallionFixture {

    /** test_get_object_manifests */
    @Test
    default void getObjectManifests() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none());
            assertThat(page.objects()).hasSize(5);
            assertThat(first(page)).isEqualTo("2014-05-08T09:00:00.000000Z");
            assertThat(last(page)).isEqualTo("2017-12-31T13:49:53.935000Z");
            assertThat(page.objects()).extracting(Stored::dateAdded).isSorted().doesNotHaveDuplicates();
        }
    }

    /** test_get_manifest_added_after ("only 2 because one is v2.0") */
    @Test
    default void getManifestAddedAfter() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().addedAfter("2017-01-20T00:00:00.000Z"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(2);
        }
    }

    /** test_get_manifest_limit */
    @Test
    default void getManifestLimit() {
        try (NodeDatabase db = medallion()) {
            TaxiiFilter filter = none().limit(2);
            Page one = objects(db, filter);
            Page two = objects(db, filter.next(one));
            Page three = objects(db, filter.next(two));
            assertThat(one.more()).isTrue();
            assertThat(one.objects()).hasSize(2);
            assertThat(two.more()).isTrue();
            assertThat(two.objects()).hasSize(2);
            assertThat(three.more()).isFalse();
            assertThat(three.objects()).hasSize(1);
        }
    }

    /** test_get_manifest_id */
    @Test
    default void getManifestId() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().id(MALWARE));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(MALWARE));
        }
    }

    /** test_get_manifest_type */
    @Test
    default void getManifestType() {
        try (NodeDatabase db = medallion()) {
            Page page = objects(db, none().type("indicator"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(2).allSatisfy(o -> assertThat(o.id()).contains("indicator"));
        }
    }

    /** test_get_manifest_version_specific, _first, _last, _all */
    @Test
    default void getManifestVersion() {
        try (NodeDatabase db = medallion()) {
            assertThat(objects(db, none().version("2016-12-25T12:30:59.444Z")).objects()).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(INDICATOR_6770);
                assertThat(o.version()).isEqualTo("2016-12-25T12:30:59.444Z");
            });
            Page firsts = objects(db, none().version("first"));
            assertThat(firsts.objects()).hasSize(5);
            assertThat(versionOf(firsts, INDICATOR_6770)).isEqualTo("2016-11-03T12:30:59.000Z");
            Page lasts = objects(db, none().version("last"));
            assertThat(lasts.objects()).hasSize(5);
            assertThat(versionOf(lasts, INDICATOR_6770)).isEqualTo("2017-01-27T13:49:53.935Z");
            assertThat(objects(db, none().version("all")).objects()).hasSize(7);
        }
    }

    /** test_manifest_spec_version_20, _21, _2021, _default */
    @Test
    default void manifestSpecVersion() {
        try (NodeDatabase db = medallion()) {
            assertThat(objects(db, none().specVersion("2.0")).objects()).singleElement()
                    .satisfies(o -> assertThat(o.specVersion()).isEqualTo("2.0"));
            assertThat(objects(db, none().specVersion("2.1")).objects()).hasSize(5)
                    .allSatisfy(o -> assertThat(o.specVersion()).isEqualTo("2.1"));
            Page both = objects(db, none().specVersion("2.0", "2.1"));
            assertThat(both.objects()).hasSize(5);
            assertThat(versionOf(both, MALWARE)).isEqualTo("2018-02-23T18:30:00.000Z");
            assertThat(objects(db, none()).objects()).hasSize(5).allSatisfy(o -> assertThat(o.specVersion()).isEqualTo("2.1"));
        }
    }

    /** test_get_version */
    @Test
    default void getVersion() {
        try (NodeDatabase db = medallion()) {
            Page page = versions(db, RELATIONSHIP, none());
            assertThat(page.objects()).hasSize(1);
            assertThat(first(page)).isEqualTo("2014-05-08T09:00:00.000000Z");
            assertThat(last(page)).isEqualTo("2014-05-08T09:00:00.000000Z");
        }
    }

    /** test_get_version_added_after */
    @Test
    default void getVersionAddedAfter() {
        try (NodeDatabase db = medallion()) {
            assertThat(versions(db, RELATIONSHIP, none().addedAfter("2014-05-08T09:00:00Z")).objects()).isEmpty();
            Page page = versions(db, RELATIONSHIP, none().addedAfter("2014-05-08T08:00:00Z"));
            assertThat(page.more()).isFalse();
            assertThat(page.objects()).hasSize(1);
        }
    }

    /** test_get_version_limit */
    @Test
    default void getVersionLimit() {
        try (NodeDatabase db = medallion()) {
            TaxiiFilter filter = none().limit(1);
            Page one = versions(db, INDICATOR_6770, filter);
            Page two = versions(db, INDICATOR_6770, filter.next(one));
            Page three = versions(db, INDICATOR_6770, filter.next(two));
            String[][] expected = {
                    {"2016-11-03T12:30:59.000Z", "2016-11-03T12:30:59.001000Z"},
                    {"2016-12-25T12:30:59.444Z", "2016-12-27T13:49:59.000000Z"},
                    {"2017-01-27T13:49:53.935Z", "2017-12-31T13:49:53.935000Z"}};
            Page[] pages = {one, two, three};
            for (int i = 0; i < 3; i++) {
                assertThat(pages[i].more()).isEqualTo(i < 2);
                assertThat(pages[i].objects()).singleElement().extracting(Stored::version).isEqualTo(expected[i][0]);
                assertThat(first(pages[i])).isEqualTo(expected[i][1]);
                assertThat(last(pages[i])).isEqualTo(expected[i][1]);
            }
        }
    }

    /** test_get_version_spec_version_20, _21, _2021, _default */
    @Test
    default void getVersionSpecVersion() {
        try (NodeDatabase db = medallion()) {
            assertThat(versions(db, MALWARE, none().specVersion("2.0")).objects()).extracting(Stored::version)
                    .containsExactly("2018-02-23T18:30:00.000Z");
            assertThat(versions(db, MALWARE, none().specVersion("2.1")).objects()).extracting(Stored::version)
                    .containsExactly("2017-01-27T13:49:53.997Z");
            assertThat(versions(db, MALWARE, none().specVersion("2.0", "2.1")).objects()).hasSize(2);
            assertThat(versions(db, MALWARE, none()).objects()).extracting(Stored::version)
                    .containsExactly("2017-01-27T13:49:53.997Z");
        }
    }

    private static String versionOf(Page page, String id) {
        return page.objects().stream().filter(o -> o.id().equals(id)).map(Stored::version).findFirst().orElseThrow();
    }
}
