package org.hotline.aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hotline.detect.Attack;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;

/**
 * Attacks summed up for one row of a table: counted three ways (events, distinct sources, bytes),
 * plus what the row's detail needs. Mutable while the builder fills it; bounded by distinct sources.
 */
final class AttackGroup {
    long attacks;
    long events;
    private long bytes = -1;
    private long first = Event.NO_TIME;
    private long last = Event.NO_TIME;
    /** Events per source; its size is the row's distinct sources. */
    final Map<IpAddress, long[]> perSource = new HashMap<>();
    private final Set<String> targets = new HashSet<>();

    void add(Attack a) {
        attacks++;
        events += a.events();
        if (a.bytes() >= 0) {
            bytes = bytes < 0 ? a.bytes() : bytes + a.bytes();
        }
        if (a.firstSeen() != Event.NO_TIME && (first == Event.NO_TIME || a.firstSeen() < first)) {
            first = a.firstSeen();
        }
        if (a.lastSeen() != Event.NO_TIME && (last == Event.NO_TIME || a.lastSeen() > last)) {
            last = a.lastSeen();
        }
        perSource.computeIfAbsent(a.source(), s -> new long[1])[0] += a.events();
        targets.add(a.target());
    }

    long sources() {
        return perSource.size();
    }

    /** Bytes where known; null when no attack of the row had a known size. */
    Long bytes() {
        return bytes < 0 ? null : bytes;
    }

    long targets() {
        return targets.size();
    }

    Instant firstSeen() {
        return first == Event.NO_TIME ? null : Instant.ofEpochMilli(first);
    }

    Instant lastSeen() {
        return last == Event.NO_TIME ? null : Instant.ofEpochMilli(last);
    }

    long networks() {
        Set<IpAddress> networks = new HashSet<>();
        perSource.keySet().forEach(s -> networks.add(s.network()));
        return networks.size();
    }

    /** The source with the most events (the lowest address on a tie, so the result is stable). */
    IpAddress topSource() {
        IpAddress top = null;
        long most = -1;
        for (Map.Entry<IpAddress, long[]> e : perSource.entrySet()) {
            long n = e.getValue()[0];
            if (n > most || (n == most && e.getKey().compareTo(top) < 0)) {
                top = e.getKey();
                most = n;
            }
        }
        return top;
    }

    /** Percent of the row's events that come from its top source. */
    Double concentration() {
        IpAddress top = topSource();
        return top == null ? null : Percent.of(perSource.get(top)[0], events);
    }
}
