package org.hotline.taxii.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of a Get Objects or Get Manifest request.
 *
 * @param addedAfter   exclusive lower bound on the server's date added (never a STIX timestamp), as the
 *                     server wrote it in an earlier {@code X-TAXII-Date-Added-Last}; or null
 * @param limit        page size to ask for (the server may lower it), or null for the server's default
 * @param ids          {@code match[id]}, empty for all
 * @param types        {@code match[type]}, empty for all
 * @param versions     {@code match[version]} ({@code first}, {@code last}, {@code all} or timestamps), empty for the server default (last)
 * @param specVersions {@code match[spec_version]}, empty for the server default (newest)
 */
public record ObjectFilter(String addedAfter, Integer limit, List<String> ids, List<String> types, List<String> versions,
                           List<String> specVersions) {
    public ObjectFilter {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        ids = List.copyOf(ids);
        types = List.copyOf(types);
        versions = List.copyOf(versions);
        specVersions = List.copyOf(specVersions);
    }

    /** Everything the server will give, in its default page size. */
    public static ObjectFilter all() {
        return new ObjectFilter(null, null, List.of(), List.of(), List.of(), List.of());
    }

    public ObjectFilter withAddedAfter(String timestamp) {
        return new ObjectFilter(timestamp, limit, ids, types, versions, specVersions);
    }

    public ObjectFilter withLimit(int pageSize) {
        return new ObjectFilter(addedAfter, pageSize, ids, types, versions, specVersions);
    }

    /** The query string ({@code ?…}, or "" when empty) with {@code next} if given. */
    String query(String next) {
        List<String> params = new ArrayList<>();
        add(params, "added_after", addedAfter);
        add(params, "limit", limit == null ? null : limit.toString());
        add(params, "match[id]", String.join(",", ids));
        add(params, "match[type]", String.join(",", types));
        add(params, "match[version]", String.join(",", versions));
        add(params, "match[spec_version]", String.join(",", specVersions));
        add(params, "next", next);
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
