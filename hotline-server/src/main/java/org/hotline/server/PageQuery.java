package org.hotline.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.channel.Seal;
import org.hotline.channel.port.CollectionStore.Query;
import org.hotline.store.TaxiiTime;

/**
 * The filter and paging parameters of a TAXII GET (section 3.4-3.6) turned into a store query.
 *
 * <p>{@code next} is an opaque, stateless cursor: the last sequence of the page plus a fingerprint of
 * the request's other parameters. TAXII requires a {@code next} request to repeat "the same original
 * query options"; reused with different ones it is refused with 400, as medallion does
 * ({@code test_object_pagination_changing_params_400}), instead of silently paging another query.
 * Because the cursor is a sequence, not a date, many objects sharing one date added cannot make a
 * client skip or repeat (CHANNEL-NOTES c.4 item 6). It survives restarts; it is not a secret.
 */
public final class PageQuery {
    private PageQuery() {}

    /**
     * @param params     the request's query parameters
     * @param resource   distinguishes endpoints, so a cursor of one cannot page another
     * @param objectId   the object of an object or versions endpoint, or null
     * @param allVersions true for the versions endpoint (TAXII allows no version filter there)
     */
    public static Query parse(Map<String, List<String>> params, String resource, String objectId, boolean allVersions,
                              int defaultLimit, int maxLimit) {
        Instant addedAfter = null;
        String added = single(params, "added_after");
        if (added != null) {
            try {
                addedAfter = TaxiiTime.instant(TaxiiTime.parseMicros(added));
            } catch (IllegalArgumentException e) {
                throw TaxiiException.badRequest("added_after: " + e.getMessage());
            }
        }
        int limit = defaultLimit;
        String limitText = single(params, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw TaxiiException.badRequest("limit: '" + limitText + "' is not a whole number");
            }
            if (limit < 1) {
                throw TaxiiException.badRequest("limit: must be at least 1, was " + limit);
            }
            limit = Math.min(limit, maxLimit);
        }
        Set<String> ids = objectId != null ? Set.of(objectId) : values(params, "match[id]");
        Set<String> types = objectId != null ? Set.of() : values(params, "match[type]");
        Set<String> versions = allVersions ? Set.of("all") : values(params, "match[version]");
        for (String v : versions) {
            if (!v.equals("first") && !v.equals("last") && !v.equals("all")) {
                try {
                    TaxiiTime.parseMicros(v);
                } catch (IllegalArgumentException e) {
                    throw TaxiiException.badRequest("match[version]: '" + v + "' is not first, last, all or a timestamp");
                }
            }
        }
        Set<String> specVersions = values(params, "match[spec_version]");
        long after = -1;
        String next = single(params, "next");
        if (next != null) {
            after = readCursor(next, fingerprint(params, resource));
        }
        return new Query(ids, types, versions, specVersions, addedAfter, after, limit);
    }

    /** The {@code next} value for a request with these parameters whose page ended at {@code lastSequence}. */
    public static String cursor(Map<String, List<String>> params, String resource, long lastSequence) {
        String raw = lastSequence + "." + fingerprint(params, resource);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static long readCursor(String next, String fingerprint) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw TaxiiException.badRequest("next: '" + next + "' is not a value this server handed out");
        }
        int dot = raw.indexOf('.');
        long sequence;
        try {
            sequence = Long.parseLong(raw.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            throw TaxiiException.badRequest("next: '" + next + "' is not a value this server handed out");
        }
        if (!raw.substring(dot + 1).equals(fingerprint)) {
            throw TaxiiException.badRequest("next: the other query parameters differ from the request that returned this "
                    + "next value; repeat them unchanged (TAXII 2.1 section 3.4)");
        }
        return sequence;
    }

    /** SHA-256 (shortened) of the endpoint and every parameter but {@code next}, in a fixed order. */
    private static String fingerprint(Map<String, List<String>> params, String resource) {
        Map<String, List<String>> sorted = new TreeMap<>(params);
        sorted.remove("next");
        StringBuilder sb = new StringBuilder(resource);
        sorted.forEach((k, v) -> sb.append('\n').append(k).append('=').append(String.join("\u0000", v)));
        return Seal.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw TaxiiException.badRequest(name + ": given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    /** A match[...] filter: several values are comma-separated (and the parameter may repeat). */
    private static Set<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
