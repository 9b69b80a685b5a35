package org.hotline.taxii.client;

import java.util.List;
import org.hotline.taxii.TaxiiMediaTypes;

/**
 * An API root's information ({@code GET {api-root}/}).
 *
 * @param versions TAXII versions as media types ({@code application/taxii+json;version=2.1}), not
 *                 {@code "2.1"}: OpenCTI 6.8 sent the latter and broke Microsoft Sentinel
 */
public record ApiRootInfo(String title, String description, List<String> versions, long maxContentLength) {
    public ApiRootInfo {
        versions = List.copyOf(versions);
    }

    /** Whether the root speaks TAXII 2.1. */
    public boolean supportsTaxii21() {
        return versions.stream().anyMatch(TaxiiMediaTypes::isTaxii21);
    }

    static ApiRootInfo read(Fields f) {
        if (!f.node().path("versions").isArray()) {
            throw f.missing("versions");
        }
        return new ApiRootInfo(f.text("title"), f.optionalText("description"), f.strings("versions"),
                f.number("max_content_length"));
    }
}
