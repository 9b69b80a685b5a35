package org.hotline.detect.bruteforce;

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
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

/**
 * Brute force on real logs: an SSH password-guessing session (elastic/beats secure-rhel7.log), HTTP
 * login posts (suricata-sample-data wrccdc-2017) and a real access log with none (elastic/examples).
 */
class AuthBruteForceDetectorTest implements DetectorContract {

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("brute-force");
    }

    @Override
    public List<Event> fixture() {
        List<Event> all = new ArrayList<>(FixtureEvents.sshd());
        all.addAll(FixtureEvents.suricataHttpWrccdc());
        all.addAll(FixtureEvents.apache());
        return all;
    }

    private List<Attack> run(List<Event> events, String... settings) {
        var d = new AuthBruteForceDetector(withSettings(settings));
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    private org.hotline.detect.DetectorSettings withSettings(String... assignments) {
        var s = spec().defaults();
        for (String a : assignments) {
            s = s.with(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return s;
    }

    @Test
    void sshPasswordGuessingFromBothSources() {
        // In the first 146 lines of secure-rhel7.log:
        //   grep 'Failed password' | grep -c 'from 202.109.143.106 '  -> 42, 16:45:20 .. 16:48:37
        //   grep 'Failed password' | grep -c 'from 116.31.116.27 '    -> 9,  16:45:57 .. 16:48:05
        //   grep -n 'Failed password' | grep 'from <ip> ' | head -10 | cut -d: -f1 -> the evidence lines
        // All within 16:40-16:50, one 10-minute window, so one attack each.
        List<Attack> attacks = run(FixtureEvents.sshd());
        assertThat(attacks).hasSize(2);
        Attack first = attacks.get(0);
        Attack second = attacks.get(1);
        assertThat(first.source()).isEqualTo(IpAddress.parse("116.31.116.27"));
        assertThat(first.events()).isEqualTo(9);
        assertThat(first.firstSeen()).isEqualTo(Instant.parse("2017-02-22T16:45:57Z").toEpochMilli());
        assertThat(first.lastSeen()).isEqualTo(Instant.parse("2017-02-22T16:48:05Z").toEpochMilli());
        assertThat(lines(first)).containsExactly(29L, 33L, 37L, 76L, 78L, 80L, 107L, 111L, 121L);
        assertThat(second.source()).isEqualTo(IpAddress.parse("202.109.143.106"));
        assertThat(second.events()).isEqualTo(42);
        assertThat(second.firstSeen()).isEqualTo(Instant.parse("2017-02-22T16:45:20Z").toEpochMilli());
        assertThat(second.lastSeen()).isEqualTo(Instant.parse("2017-02-22T16:48:37Z").toEpochMilli());
        assertThat(lines(second)).containsExactly(1L, 3L, 5L, 11L, 13L, 15L, 17L, 19L, 27L, 31L);
        for (Attack a : attacks) {
            assertThat(a.type()).isEqualTo(AttackType.BRUTE_FORCE);
            assertThat(a.signature()).isEqualTo("ssh failed logins");
            assertThat(a.target()).isEqualTo("ssh");
            assertThat(a.verification()).isEqualTo(Verification.HANDSHAKE);
            assertThat(a.severity()).isEqualTo(-1);
        }
    }

    @Test
    void thresholdIsAtLeastFailures() {
        assertThat(run(FixtureEvents.sshd(), "failures=9")).hasSize(2);
        assertThat(run(FixtureEvents.sshd(), "failures=10")).extracting(Attack::source)
                .containsExactly(IpAddress.parse("202.109.143.106"));
    }

    @Test
    void acceptedLoginsAndPreauthDisconnectsAreNotFailedLogins() {
        // secure-rhel7.log: "Accepted publickey for drewr from 69.245.39.97" (line 118) and the
        // "Received disconnect ... [preauth]" lines of 116.31.116.27: none is a password guess.
        List<Event> others = FixtureEvents.sshd().stream().filter(e -> e.outcome() != Outcome.AUTH_FAILURE).toList();
        assertThat(others).extracting(Event::outcome).contains(Outcome.AUTH_SUCCESS, Outcome.PREAUTH_DISCONNECT);
        assertThat(run(others, "failures=1")).isEmpty();
    }

    @Test
    void aShortWindowSplitsTheSession() {
        // 202.109.143.106 guesses from 16:45:20 to 16:48:37: with 1-minute windows and 5 failures
        // needed, each minute (16:45, 16:46, 16:47, 16:48) holds enough, and adjacent windows merge.
        List<Attack> attacks = run(FixtureEvents.sshd(), "window=1m");
        assertThat(attacks).filteredOn(a -> a.source().equals(IpAddress.parse("202.109.143.106")))
                .singleElement().extracting(Attack::events).isEqualTo(42L);
    }

    @Test
    void wordpressLoginPostsAreCountedAsFormPosts() {
        // suricata-sample-data wrccdc-2017: awk -F'\t' '$7=="POST" && $8 ~ /login/' -> lines 37 and 40,
        // POST /wp-login.php from 10.192.0.232 to 10.10.2.9 (one request, two alerts); line 119 POSTs
        // /LogRover/login.asp once. The Joomla POST (line 38) is one request. Only 10.192.0.232 reaches 2.
        List<Attack> attacks = run(FixtureEvents.suricataHttpWrccdc(), "failures=2");
        assertThat(attacks).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(IpAddress.parse("10.192.0.232"));
            assertThat(a.signature()).isEqualTo("http login form posts");
            assertThat(a.target()).isEqualTo("http 10.10.2.9");
            assertThat(a.events()).isEqualTo(2);
            assertThat(lines(a)).containsExactly(37L, 40L);
        });
        // With one failure enough: also the Joomla POST (10.192.0.6), the LogRover login POST
        // (10.10.2.148) and, from awk -F'\t' '$9 == 401', Nmap's NSE answered 401 (10.192.5.200, line 92).
        List<Attack> single = run(FixtureEvents.suricataHttpWrccdc(), "failures=1");
        assertThat(single).extracting(a -> a.source().toString())
                .containsExactlyInAnyOrder("10.10.2.148", "10.192.0.6", "10.192.0.232", "10.192.5.200");
        assertThat(single).filteredOn(a -> a.source().toString().equals("10.192.5.200")).singleElement()
                .satisfies(a -> assertThat(a.signature()).isEqualTo("http auth failures"));
    }

    @Test
    void anAccessLogWithoutLoginsHasNoBruteForce() {
        // elastic/examples apache_logs: awk '$6 == "POST" || $9 == 401' -> only three POSTs to a
        // blog trackback, which is not a login endpoint.
        assertThat(run(FixtureEvents.apache(), "failures=1")).isEmpty();
    }

    @Test
    void honeypotLoginsCountWhetherTheyFailOrSucceed() {
        // No permissively licensed Cowrie log is available to commit, so these two events follow
        // Cowrie's documented event ids, on the secure-rhel7 attacker's address.
        IpAddress attacker = IpAddress.parse("202.109.143.106");
        IpAddress sensor = IpAddress.parse("172.17.0.3");
        List<Event> events = List.of(
                honeypotLogin(attacker, sensor, Outcome.AUTH_FAILURE, "cowrie.login.failed", 1),
                honeypotLogin(attacker, sensor, Outcome.AUTH_SUCCESS, "cowrie.login.success", 2));
        assertThat(run(events, "failures=2")).singleElement().satisfies(a -> {
            assertThat(a.signature()).isEqualTo("ssh honeypot logins");
            assertThat(a.target()).isEqualTo("ssh 172.17.0.3");
            assertThat(a.events()).isEqualTo(2);
        });
    }

    private static Event honeypotLogin(IpAddress source, IpAddress sensor, Outcome outcome, String id, long line) {
        return new Event(Instant.parse("2018-05-06T10:00:00Z").toEpochMilli() + line, source, 40000, sensor, 2222,
                org.hotline.event.Protocol.TCP, "ssh", outcome, -1, true, new InputPosition("cowrie.json", line),
                new org.hotline.event.EventDetail.HoneypotAction(id, "s1", "root", "admin", null));
    }

    private static List<Long> lines(Attack a) {
        return a.evidence().stream().map(InputPosition::line).toList();
    }
}
