package org.hotline.taxii.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a collection's objects: the TAXII 2.1 envelope and its date headers.
 *
 * @param envelope       the envelope as received ({@code {"more", "next", "objects"}}), e.g. for StixReader
 * @param dateAddedFirst the {@code X-TAXII-Date-Added-First} header as sent, or null
 * @param dateAddedLast  the {@code X-TAXII-Date-Added-Last} header as sent, or null
 */
public record ObjectsPage(boolean more, String next, List<JsonNode> objects, JsonNode envelope, String dateAddedFirst,
                          String dateAddedLast) {
    public ObjectsPage {
        objects = List.copyOf(objects);
    }

    static ObjectsPage read(Fields f, String first, String last) {
        List<JsonNode> objects = new ArrayList<>();
        JsonNode list = f.node().path("objects");
        if (!list.isMissingNode() && !list.isArray()) {
            throw f.fail("'objects' in Envelope is not a list");
        }
        list.forEach(objects::add);
        return new ObjectsPage(f.optionalBool("more"), f.optionalText("next"), objects, f.node(), first, last);
    }
}
