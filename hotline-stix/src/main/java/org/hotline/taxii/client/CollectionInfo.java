package org.hotline.taxii.client;

import java.util.List;

/** A collection's information ({@code GET {api-root}/collections/{id}/}). */
public record CollectionInfo(String id, String title, String description, String alias, boolean canRead,
                             boolean canWrite, List<String> mediaTypes) {
    public CollectionInfo {
        mediaTypes = List.copyOf(mediaTypes);
    }

    static CollectionInfo read(Fields f) {
        return new CollectionInfo(f.text("id"), f.text("title"), f.optionalText("description"), f.optionalText("alias"),
                f.bool("can_read"), f.bool("can_write"), f.strings("media_types"));
    }
}
