package org.hotline.taxii.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a collection's manifest.
 *
 * @param dateAddedFirst the {@code X-TAXII-Date-Added-First} header as sent, or null
 * @param dateAddedLast  the {@code X-TAXII-Date-Added-Last} header as sent, or null
 */
public record ManifestPage(boolean more, String next, List<Entry> objects, String dateAddedFirst, String dateAddedLast) {
    public ManifestPage {
        objects = List.copyOf(objects);
    }

    /**
     * One manifest record. {@code dateAdded} and {@code version} are kept as the server wrote them:
     * they are only ever sent back to the same server, and real servers write them in more than one
     * shape (taxii2-client's own fixture has {@code 2016-11-04T03:04:051Z}).
     */
    public record Entry(String id, String dateAdded, String version, String mediaType) {}

    static ManifestPage read(Fields f, String first, String last) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : f.node().path("objects")) {
            Fields e = f.nested("Manifest Record", n);
            entries.add(new Entry(e.text("id"), e.text("date_added"), e.text("version"), e.optionalText("media_type")));
        }
        return new ManifestPage(f.optionalBool("more"), f.optionalText("next"), entries, first, last);
    }
}
