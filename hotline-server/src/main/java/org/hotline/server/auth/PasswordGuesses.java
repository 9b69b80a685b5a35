package org.hotline.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wrong passwords each client address sent lately, so that its password checks can be refused
 * after too many.
 *
 * <p>Why: checking a password is a PBKDF2 run, about 0.2 s of CPU by design, and the user names are
 * the party ids printed on every party's public card. Without a limit, an outsider sending wrong
 * passwords as fast as the network allowed kept the node's cores busy, for every partner. After
 * {@link #LIMIT} wrong passwords within {@link #WINDOW}, an address is refused (429) without a check
 * until its oldest counted failure is a window old. A partner already logged in is not slowed: its
 * verified credentials are remembered and not checked again. What this does not stop: guesses spread
 * over many addresses (a botnet) still cost a check each.
 *
 * <p>Memory is bounded: at most {@link #MAX_ADDRESSES} addresses are followed, the least recently
 * seen dropped first. Thread-safe.
 */
final class PasswordGuesses {
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    /** Address → times of its failures within the window, oldest first; in order of the latest failure. */
    private final LinkedHashMap<String, ArrayDeque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    PasswordGuesses(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must wait before its next password is checked; zero when it may now. */
    synchronized Duration waitFor(String address) {
        ArrayDeque<Instant> times = failures.get(key(address));
        if (times == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        forgetBefore(times, now.minus(WINDOW));
        if (times.isEmpty()) {
            failures.remove(key(address));
            return Duration.ZERO;
        }
        return times.size() < LIMIT ? Duration.ZERO : Duration.between(now, times.peekFirst().plus(WINDOW));
    }

    /** {@code address} sent a wrong user name or password. */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        ArrayDeque<Instant> times = failures.computeIfAbsent(key(address), a -> new ArrayDeque<>());
        forgetBefore(times, now.minus(WINDOW));
        times.addLast(now);
        if (times.size() > LIMIT) {
            times.removeFirst();   // LIMIT failures decide the wait; older ones add nothing
        }
        if (failures.size() > MAX_ADDRESSES) {
            Iterator<Map.Entry<String, ArrayDeque<Instant>>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private static void forgetBefore(ArrayDeque<Instant> times, Instant cutoff) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
