package org.hotline.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    /** Per source: events, first and last time; its size is the row's distinct sources. */
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
        long[] s = perSource.computeIfAbsent(a.source(), k -> new long[] {0, Event.NO_TIME, Event.NO_TIME});
        s[0] += a.events();
        if (a.firstSeen() != Event.NO_TIME && (s[1] == Event.NO_TIME || a.firstSeen() < s[1])) {
            s[1] = a.firstSeen();
        }
        if (a.lastSeen() != Event.NO_TIME && (s[2] == Event.NO_TIME || a.lastSeen() > s[2])) {
            s[2] = a.lastSeen();
        }
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

    /** The {@code limit} sources with the most events, most first (ties: lowest address), as evidence rows. */
    List<CountryRow.Address> topAddresses(int limit) {
        List<Map.Entry<IpAddress, long[]>> all = new ArrayList<>(perSource.entrySet());
        all.sort(Comparator.comparingLong((Map.Entry<IpAddress, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparing(Map.Entry::getKey));
        List<CountryRow.Address> out = new ArrayList<>();
        for (Map.Entry<IpAddress, long[]> e : all.subList(0, Math.min(limit, all.size()))) {
            long[] v = e.getValue();
            out.add(new CountryRow.Address(e.getKey().toString(), v[0], EventTotals.instant(v[1]), EventTotals.instant(v[2])));
        }
        return out;
    }

    /** Percent of the row's events that come from its top source. */
    Double concentration() {
        IpAddress top = topSource();
        return top == null ? null : Percent.of(perSource.get(top)[0], events);
    }
}
