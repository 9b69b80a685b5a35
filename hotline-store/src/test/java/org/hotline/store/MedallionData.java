package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.CollectionStore.NewObject;
import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Stored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * medallion's test fixture ({@code taxii/medallion/default_data.json}, API root {@code trustgroup1})
 * put into a {@link CollectionStore} as medallion holds it: every object of every collection, added in
 * the order of its manifest's {@code date_added}, with the clock set to that date so the store
 * records medallion's own dates. Two manifest entries share one date_added (the malware's 2.0 and 2.1
 * versions); the store, whose dates added are strictly increasing, records the second 1 µs later.
 */
final class MedallionData {
    /** "High Value Indicator Collection": 8 versions of 5 objects, STIX 2.0 and 2.1 (GET_COLLECTION_EP). */
    static final String HIGH_VALUE = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    /** The empty collection medallion's tests add to and delete from (ADD_COLLECTION_EP). */
    static final String ADD = "365fed99-08fa-fdcd-a1b3-fb247eb41d01";
    /** After the fixture's dates: when the tests' own objects arrive. */
    static final Instant TEST_TIME = Instant.parse("2026-11-22T12:00:00.000Z");

    static final String RELATIONSHIP = "relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463";
    static final String INDICATOR_CD98 = "indicator--cd981c25-8042-4166-8945-51178443bdac";
    static final String INDICATOR_6770 = "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e";
    static final String MARKING = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    static final String MALWARE = "malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec";

    /** medallion's {@code TaxiiTest.TEST_OBJECT} (medallion/test/base_test.py). */
    static final String TEST_OBJECT = "{\"type\":\"course-of-action\",\"spec_version\":\"2.1\","
            + "\"id\":\"course-of-action--68794cd5-28db-429d-ab1e-1256704ef906\",\"created\":\"2017-01-27T13:49:53.935Z\","
            + "\"modified\":\"2017-01-27T13:49:53.935Z\",\"name\":\"Test object\"}";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private MedallionData() {}

    static void load(CollectionStore store, MutableClock clock) {
        JsonNode root;
        try (InputStream in = MedallionData.class.getResourceAsStream("/taxii/medallion/default_data.json")) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode collection : root.path("trustgroup1").path("collections")) {
            List<JsonNode> manifest = new ArrayList<>();
            collection.path("manifest").forEach(manifest::add);
            manifest.sort(Comparator.comparing(m -> Instant.parse(m.get("date_added").stringValue())));   // stable, as Python's sort
            for (JsonNode entry : manifest) {
                JsonNode object = objectOf(collection, entry);
                NewObject added = StixVersioning.newObject(JSON.writeValueAsString(object));
                assertThat("application/stix+json;version=" + added.specVersion())
                        .as("spec version medallion recorded for %s", entry).isEqualTo(entry.get("media_type").stringValue());
                clock.set(Instant.parse(entry.get("date_added").stringValue()));
                assertThat(store.add(collection.get("id").stringValue(), List.of(added))).containsExactly(CollectionStore.Added.ADDED);
            }
        }
        clock.set(TEST_TIME);
    }

    /** The object a manifest entry describes: same id, same version (medallion's find_att). */
    private static JsonNode objectOf(JsonNode collection, JsonNode entry) {
        long version = TaxiiTime.parseMicros(entry.get("version").stringValue());
        for (JsonNode o : collection.path("objects")) {
            String own = o.has("modified") ? o.get("modified").stringValue() : o.get("created").stringValue();
            if (o.get("id").equals(entry.get("id")) && TaxiiTime.parseMicros(own) == version) {
                return o;
            }
        }
        throw new IllegalStateException("no object for manifest entry " + entry);
    }

    static List<String> ids(Page page) {
        return page.objects().stream().map(Stored::id).toList();
    }

    static String dateAdded(Stored s) {
        return TaxiiTime.format(s.dateAdded());
    }

    /** X-TAXII-Date-Added-First of a page. */
    static String first(Page page) {
        return dateAdded(page.objects().get(0));
    }

    /** X-TAXII-Date-Added-Last of a page. */
    static String last(Page page) {
        return dateAdded(page.objects().get(page.objects().size() - 1));
    }

    static JsonNode json(Stored s) {
        return JSON.readTree(s.json());
    }
}
