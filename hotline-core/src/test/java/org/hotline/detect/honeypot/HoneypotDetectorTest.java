package org.hotline.detect.honeypot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.DetectorContract;
import org.hotline.detect.DetectorSpec;
import org.hotline.detect.Detectors;
import org.hotline.detect.FixtureEvents;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.HoneypotAction;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Honeypot contact. No Cowrie log under a licence that allows committing it could be found (the
 * real ones at hand state none), so the honeypot events here are written after Cowrie's documented
 * event ids with documentation addresses (RFC 5737); the real SSH log is mixed in to show that
 * events without a honeypot detail are ignored.
 */
class HoneypotDetectorTest implements DetectorContract {
    private static final IpAddress SENSOR = IpAddress.parse("192.0.2.10");
    private static final long T0 = Instant.parse("2018-05-06T10:00:00Z").toEpochMilli();

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("honeypot");
    }

    @Override
    public List<Event> fixture() {
        List<Event> all = new ArrayList<>(FixtureEvents.sshd());
        all.addAll(session("198.51.100.23", 0, 1));
        all.addAll(session("198.51.100.23", 5 * 60_000L, 20));
        all.addAll(session("203.0.113.9", 3 * 3_600_000L, 40));
        return all;
    }

    /** A Cowrie session: connect, version, three failed logins, a success, two commands, close. */
    private static List<Event> session(String source, long offset, long firstLine) {
        String[][] steps = {
            {"cowrie.session.connect", "OTHER"}, {"cowrie.client.version", "OTHER"},
            {"cowrie.login.failed", "AUTH_FAILURE"}, {"cowrie.login.failed", "AUTH_FAILURE"},
            {"cowrie.login.failed", "AUTH_FAILURE"}, {"cowrie.login.success", "AUTH_SUCCESS"},
            {"cowrie.command.input", "COMMAND"}, {"cowrie.command.input", "COMMAND"}, {"cowrie.session.closed", "OTHER"},
        };
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            events.add(new Event(T0 + offset + i * 1000L, IpAddress.parse(source), 50000, SENSOR, 2222, Protocol.TCP,
                    "ssh", Outcome.valueOf(steps[i][1]), -1, true, new InputPosition("cowrie.json", firstLine + i),
                    new HoneypotAction(steps[i][0], "s" + firstLine, "root", "123456", null)));
        }
        return events;
    }

    @Test
    void oneAttackPerSourceAndRunOfContact() {
        List<Attack> attacks = run(fixture());
        // 198.51.100.23: two sessions five minutes apart (one hour window) -> one attack of 18 events;
        // 203.0.113.9: one session three hours later -> one attack of 9 events.
        assertThat(attacks).hasSize(2);
        assertThat(attacks.get(0)).satisfies(a -> {
            assertThat(a.type()).isEqualTo(AttackType.HONEYPOT);
            assertThat(a.source()).isEqualTo(IpAddress.parse("198.51.100.23"));
            assertThat(a.signature()).isEqualTo("honeypot contact");
            assertThat(a.target()).isEqualTo("honeypot");
            assertThat(a.events()).isEqualTo(18);
            assertThat(a.firstSeen()).isEqualTo(T0);
            assertThat(a.lastSeen()).isEqualTo(T0 + 5 * 60_000L + 8_000L);
        });
        assertThat(attacks.get(1).events()).isEqualTo(9);
    }

    @Test
    void withoutAHoneypotDetailNothingIsHoneypotContact() {
        assertThat(run(FixtureEvents.sshd())).isEmpty();
    }
}
