package org.hotline.server;

import tools.jackson.databind.node.ObjectNode;

/**
 * A TAXII collection as one caller sees it (TAXII 2.1 section 5.2): its rights are the caller's.
 *
 * @param id    a UUID (not a STIX id)
 * @param alias optional short name, or null
 */
public record CollectionInfo(String id, String title, String description, String alias, boolean canRead, boolean canWrite) {

    public ObjectNode toJson() {
        ObjectNode o = TaxiiJson.object();
        o.put("id", id);
        o.put("title", title);
        if (description != null) {
            o.put("description", description);
        }
        if (alias != null) {
            o.put("alias", alias);
        }
        o.put("can_read", canRead);
        o.put("can_write", canWrite);
        o.putArray("media_types").add(TaxiiMedia.STIX_21);
        return o;
    }
}
