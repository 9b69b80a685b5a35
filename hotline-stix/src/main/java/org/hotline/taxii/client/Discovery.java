package org.hotline.taxii.client;

import java.util.List;

/**
 * A TAXII server's discovery resource ({@code GET /taxii2/}); only {@code title} is required.
 *
 * @param defaultApiRoot the {@code default} API root URL, or null
 */
public record Discovery(String title, String description, String contact, String defaultApiRoot, List<String> apiRoots) {
    public Discovery {
        apiRoots = List.copyOf(apiRoots);
    }

    static Discovery read(Fields f) {
        return new Discovery(f.text("title"), f.optionalText("description"), f.optionalText("contact"),
                f.optionalText("default"), f.strings("api_roots"));
    }
}
