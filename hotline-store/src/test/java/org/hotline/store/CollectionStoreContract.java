package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.store.TaxiiFilter.none;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.channel.Ids;
import org.hotline.channel.port.CollectionStore;
import org.hotline.channel.port.CollectionStore.NewObject;
import org.hotline.channel.port.CollectionStore.Page;
import org.hotline.channel.port.CollectionStore.Stored;
import org.junit.jupiter.api.Test;

/**
 * {@link CollectionStore}'s own promises beyond medallion's tests: dates added strictly increasing per
 * collection whatever the clock does, and paging (by cursor or by {@code added_after}) that never
 * skips or repeats an object (CHANNEL-NOTES c.4 item 6: OpenCTI#4537 lost objects that shared a date).
 */
interface CollectionStoreContract extends DatabaseUnderTest {
    String INBOX = "inbox-us-cert";
    Instant NOON = Instant.parse("2026-11-22T12:00:00.000Z");

    private static NewObject note(int n) {
        String id = Ids.random("note");
        return StixVersioning.newObject("{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2026-11-22T11:00:00.000Z\",\"modified\":\"2026-11-22T11:00:00.000Z\",\"content\":\"n" + n
                + "\",\"object_refs\":[\"incident--0b8c1e3c-3f37-4a4c-9d4e-5f1d2c3b4a59\"]}");
    }

    private static List<NewObject> notes(int from, int count) {
        List<NewObject> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(note(i));
        }
        return out;
    }

    @Test
    default void datesAddedStrictlyIncreaseOnAFrozenOrBackwardClock() {
        MutableClock clock = new MutableClock(NOON);
        try (NodeDatabase db = open(clock)) {
            CollectionStore store = db.collections();
            store.add(INBOX, notes(0, 3));
            store.add(INBOX, notes(3, 2));
            clock.set(NOON.minusSeconds(3600));   // NTP stepped the clock back an hour
            store.add(INBOX, notes(5, 1));
            clock.set(NOON.plusSeconds(1));
            store.add(INBOX, notes(6, 1));

            List<Stored> all = store.find(INBOX, none().query()).objects();
            assertThat(all).extracting(MedallionData::dateAdded).containsExactly(
                    "2026-11-22T12:00:00.000000Z", "2026-11-22T12:00:00.000001Z", "2026-11-22T12:00:00.000002Z",
                    "2026-11-22T12:00:00.000003Z", "2026-11-22T12:00:00.000004Z", "2026-11-22T12:00:00.000005Z",
                    "2026-11-22T12:00:01.000000Z");
            assertThat(all).extracting(Stored::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    default void pagingByCursorOrByAddedAfterNeitherSkipsNorRepeats() {
        try (NodeDatabase db = open(new MutableClock(NOON))) {
            CollectionStore store = db.collections();
            List<String> added = new ArrayList<>();
            for (int batch = 0; batch < 5; batch++) {
                List<NewObject> objects = notes(batch * 50, 50);
                store.add(INBOX, objects);
                objects.forEach(o -> added.add(o.id()));
            }

            List<String> byCursor = new ArrayList<>();
            TaxiiFilter filter = none().limit(7);
            Page page;
            do {
                page = store.find(INBOX, filter.query());
                byCursor.addAll(MedallionData.ids(page));
                filter = filter.next(page);
            } while (page.more());

            // A client that pages with added_after = X-TAXII-Date-Added-Last (TAXII's "more, no next").
            List<String> byDate = new ArrayList<>();
            TaxiiFilter dated = none().limit(7);
            do {
                page = store.find(INBOX, dated.query());
                byDate.addAll(MedallionData.ids(page));
                dated = dated.addedAfter(MedallionData.last(page));
            } while (page.more());

            assertThat(byCursor).containsExactlyElementsOf(added);
            assertThat(byDate).containsExactlyElementsOf(added);
        }
    }

    @Test
    default void concurrentAddsGetDistinctIncreasingDates() throws Exception {
        try (NodeDatabase db = open(new MutableClock(NOON))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 100;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        db.collections().add(INBOX, notes(from + i * 5, 5));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            pool.shutdown();
            List<Stored> all = db.collections().find(INBOX, none().limit(1000).query()).objects();
            assertThat(all).hasSize(400);
            assertThat(all).extracting(Stored::dateAdded).isSorted().doesNotHaveDuplicates();
            assertThat(all).extracting(Stored::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    default void deletingTheNewestDoesNotHandItsSequenceOrDateOutAgain() {
        try (NodeDatabase db = open(new MutableClock(NOON))) {
            CollectionStore store = db.collections();
            NewObject first = note(1);
            NewObject second = note(2);
            store.add(INBOX, List.of(first, second));
            Stored deleted = store.find(INBOX, none().id(second.id()).query()).objects().get(0);
            assertThat(store.delete(INBOX, second.id(), Set.of("all"), Set.of())).isEqualTo(1);
            store.add(INBOX, List.of(note(3)));

            Stored third = store.find(INBOX, none().query()).objects().get(1);
            assertThat(third.sequence()).isGreaterThan(deleted.sequence());
            assertThat(third.dateAdded()).isAfter(deleted.dateAdded());
        }
    }

    @Test
    default void anUnknownCollectionIsEmptyAndBadQueriesAreRefused() {
        try (NodeDatabase db = open()) {
            CollectionStore store = db.collections();
            assertThat(store.find("nowhere", none().query())).isEqualTo(new Page(List.of(), false));
            assertThat(store.delete("nowhere", "note--6a1e0f1c-2b3d-4c5e-8f70-8192a3b4c5d6", Set.of(), Set.of())).isZero();
            assertThatThrownBy(() -> store.find(INBOX, none().limit(0).query())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit");
            assertThatThrownBy(() -> store.find(INBOX, none().version("yesterday").query()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yesterday'");
            assertThatThrownBy(() -> store.add(INBOX, List.of(new NewObject("note--x", "note", "soon", "2.1", "{}"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soon'");
        }
    }
}
