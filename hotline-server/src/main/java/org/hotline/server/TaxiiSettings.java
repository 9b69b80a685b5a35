package org.hotline.server;

import java.net.URI;

/**
 * What a TAXII server says about itself and its limits.
 *
 * @param publicBase        the base URL clients reach it at, e.g. {@code https://127.0.0.1:9101/}; the
 *                          discovery resource lists API roots as absolute URLs under it
 * @param apiRoot           the API root's path segment, e.g. {@code hotline}
 * @param maxContentLength  the largest POST body accepted, in bytes (413 above it)
 * @param defaultPageSize   objects per page when the client gives no {@code limit}
 * @param maxPageSize       the most objects per page, whatever {@code limit} asks
 */
public record TaxiiSettings(String title, String description, String contact, URI publicBase, String apiRoot,
                            String apiRootTitle, long maxContentLength, int defaultPageSize, int maxPageSize) {
    public TaxiiSettings {
        if (!apiRoot.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("API root must be one URL path segment: '" + apiRoot + "'");
        }
        if (maxContentLength < 1024 || defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("limits must be positive, max page size >= default page size");
        }
    }

    /** The API root's absolute URL, with its trailing slash. */
    public URI apiRootUrl() {
        String base = publicBase.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + apiRoot + "/");
    }
}
