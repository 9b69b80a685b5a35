package org.hotline.detect.tally;

import java.util.HashMap;
import java.util.Map;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;

/**
 * Builds attack targets such as "ssh 10.0.0.5" or "http www.example.org" once per distinct target
 * instead of once per event, so the hot path does not concatenate strings. One instance per detector
 * instance (not thread-safe, like the detector).
 *
 * <p>Hazard: a host name comes from the request and an attacker can vary it; past
 * {@value #MAX_CACHED} names per service the name is built each time instead of cached, so memory
 * stays bounded whatever the input.
 */
public final class TargetNames {
    static final int MAX_CACHED = 4096;
    public static final String UNKNOWN = "unknown";

    private final Map<String, Map<Object, String>> byService = new HashMap<>();

    /**
     * "service where", "service" when {@code where} is null, "where" when {@code service} is null,
     * {@link #UNKNOWN} when both are.
     *
     * @param where an {@link org.hotline.event.IpAddress}, a host name, or null
     */
    public String of(String service, Object where) {
        String key = service == null ? "" : service;
        Map<Object, String> names = byService.computeIfAbsent(key, k -> new HashMap<>());
        Object w = where == null ? "" : where;
        String name = names.get(w);
        if (name == null) {
            name = build(service, where);
            if (names.size() < MAX_CACHED) {
                names.put(w, name);
            }
        }
        return name;
    }

    /**
     * The target of an HTTP request: its service ("http" unless the parser said otherwise) and the
     * Host the request named, or else the address it was sent to.
     */
    public String ofRequest(Event e, EventDetail.HttpRequest request) {
        String service = e.service() == null ? "http" : e.service();
        return of(service, request != null && request.host() != null ? request.host() : e.destination());
    }

    private static String build(String service, Object where) {
        String w = where == null ? "" : where.toString();
        if (service == null || service.isEmpty()) {
            return w.isEmpty() ? UNKNOWN : w;
        }
        return w.isEmpty() ? service : service + " " + w;
    }
}
