package org.hotline.detect;

import java.util.List;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * One attack: one source doing one kind of thing to one target over a span of time, with the
 * positions of the lines that show it.
 *
 * @param type         kind of attack
 * @param signature    what exactly, in words a reader understands: "ssh password guessing",
 *                     "sql injection", the IDS signature text, the scanner's name; never null
 * @param source       the attacking address
 * @param target       what was attacked, e.g. "ssh", "http www.example.org", "10.0.0.5"; never null,
 *                     "unknown" when the logs do not say
 * @param firstSeen    epoch millis of the first evidence event, {@link Event#NO_TIME} if none had a time
 * @param lastSeen     epoch millis of the last evidence event, {@link Event#NO_TIME} if none had a time
 * @param events       number of events that make up the attack (at least 1)
 * @param bytes        bytes of those events where known, -1 if none was known
 * @param severity     the IDS's own severity (Suricata 1 = high ... 3 = low), -1 otherwise
 * @param verification the strongest {@link Verification} among the events: HANDSHAKE if any event
 *                     proved the source address
 * @param evidence     positions of up to {@link #MAX_EVIDENCE} evidence lines, the earliest in input
 *                     order (so the result does not depend on how the work was split)
 */
public record Attack(
        AttackType type,
        String signature,
        IpAddress source,
        String target,
        long firstSeen,
        long lastSeen,
        long events,
        long bytes,
        int severity,
        Verification verification,
        List<InputPosition> evidence) {

    public static final int MAX_EVIDENCE = 10;

    public Attack {
        if (type == null || signature == null || source == null || target == null || verification == null) {
            throw new IllegalArgumentException("type, signature, source, target and verification are required");
        }
        if (events < 1) {
            throw new IllegalArgumentException("an attack has at least one event: " + events);
        }
        evidence = List.copyOf(evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            throw new IllegalArgumentException("at most " + MAX_EVIDENCE + " evidence positions, got " + evidence.size());
        }
    }
}
