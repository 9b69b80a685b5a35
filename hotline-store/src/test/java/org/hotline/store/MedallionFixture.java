package org.hotline.store;

import org.hotline.channel.port.CollectionStore.Page;

/**
 * A database holding medallion's test fixture (see {@link MedallionData}), for the contracts that
 * port medallion's backend tests. Each test's comment names the medallion test
 * ({@code medallion/test/test_backends.py} at 39e76bf) whose expected ids, counts, versions and
 * {@code X-TAXII-Date-Added-*} values it asserts; those numbers are medallion's, not derived from this store.
 *
 * <p>How medallion's endpoints map onto the store: Get Objects and Get Object Manifests are
 * {@code find} on the collection (the manifest is the same rows' metadata); Get An Object adds
 * {@code match[id]}; Get Object Versions is {@code match[id]} with {@code match[version]=all}
 * (medallion allows no version filter there); the date-added headers are the first and last
 * {@code dateAdded} of the page.
 */
interface MedallionFixture extends DatabaseUnderTest {

    default NodeDatabase medallion(MutableClock clock) {
        NodeDatabase db = open(clock);
        MedallionData.load(db.collections(), clock);
        return db;
    }

    default NodeDatabase medallion() {
        return medallion(new MutableClock(MedallionData.TEST_TIME));
    }

    /** GET {api-root}/collections/91a7b528.../objects/ (or /manifest/) with {@code filter}. */
    static Page objects(NodeDatabase db, TaxiiFilter filter) {
        return db.collections().find(MedallionData.HIGH_VALUE, filter.query());
    }

    /** GET .../objects/{id}/ with {@code filter}. */
    static Page object(NodeDatabase db, String id, TaxiiFilter filter) {
        return objects(db, filter.id(id));
    }

    /** GET .../objects/{id}/versions/ with {@code filter}. */
    static Page versions(NodeDatabase db, String id, TaxiiFilter filter) {
        return objects(db, filter.id(id).version("all"));
    }
}
