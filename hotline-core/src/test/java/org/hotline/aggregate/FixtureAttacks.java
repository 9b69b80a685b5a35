package org.hotline.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * Attacks made from fixture events by fixed, simple rules (the real detectors live in
 * {@code detect.*}), so that a test can recount them with awk:
 * <ul>
 *   <li>access log: a source with any 404 → one path-scan of its 404 requests;</li>
 *   <li>access log: a source with at least {@link #FLOOD} requests → one request-flood of all of them;</li>
 *   <li>zeek: each source's connections without a handshake, grouped by their verification
 *       (unverified or reflected) → one port-scan per group.</li>
 * </ul>
 */
public final class FixtureAttacks {
    public static final int FLOOD = 20;
    public static final String WEB = "http semicomplete.com";
    public static final String SENSOR = "141.142.0.0/16";

    private FixtureAttacks() {}

    public static List<Attack> of(List<Event> apache, List<Event> zeek) {
        List<Attack> attacks = new ArrayList<>();
        Map<IpAddress, List<Event>> bySource = group(apache, e -> true);
        bySource.forEach((ip, events) -> {
            List<Event> notFound = events.stream().filter(e -> e.detail(org.hotline.event.EventDetail.HttpRequest.class).status() == 404).toList();
            if (!notFound.isEmpty()) {
                attacks.add(attack(AttackType.PATH_SCAN, "requests for missing paths", ip, WEB, notFound));
            }
            if (events.size() >= FLOOD) {
                attacks.add(attack(AttackType.REQUEST_FLOOD, "many requests", ip, WEB, events));
            }
        });
        for (Verification v : new Verification[] {Verification.UNVERIFIED, Verification.REFLECTED}) {
            group(zeek, e -> e.verification() == v).forEach((ip, events) ->
                    attacks.add(attack(AttackType.PORT_SCAN, "connections without a handshake", ip, SENSOR, events)));
        }
        return attacks;
    }

    private static Map<IpAddress, List<Event>> group(List<Event> events, Predicate<Event> keep) {
        Map<IpAddress, List<Event>> m = new LinkedHashMap<>();
        events.stream().filter(keep).forEach(e -> m.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e));
        return m;
    }

    static Attack attack(AttackType type, String signature, IpAddress source, String target, List<Event> events) {
        long first = events.stream().mapToLong(Event::time).min().orElseThrow();
        long last = events.stream().mapToLong(Event::time).max().orElseThrow();
        long bytes = events.stream().anyMatch(e -> e.bytes() >= 0)
                ? events.stream().filter(e -> e.bytes() >= 0).mapToLong(Event::bytes).sum() : -1;
        Verification v = events.stream().map(Event::verification).reduce(Verification::strongest).orElseThrow();
        List<InputPosition> evidence = events.stream().map(Event::position)
                .sorted(Comparator.comparingLong(InputPosition::line)).limit(Attack.MAX_EVIDENCE).toList();
        return new Attack(type, signature, source, target, first, last, events.size(), bytes, -1, v, evidence);
    }
}
