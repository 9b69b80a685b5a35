package org.hotline.parse.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.Authentication;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class SshdAuthParserTest implements ParserContract {
    private static final String RHEL = "parse/sshd/elastic-beats-secure-rhel7.log";
    private static final String CROWDSEC = "parse/sshd/crowdsec-sshd.log";

    @Override
    public String format() {
        return "sshd";
    }

    @Override
    public List<String> fixtures() {
        return List.of(RHEL, "parse/sshd/elastic-beats-auth-test.log", CROWDSEC, "parse/sshd/crowdsec-opnsense-sshd.log",
                "parse/sshd/crowdsec-sshd-banner-exchange.log");
    }

    @Override
    public String truncatedLine() {
        return "Feb 22 16:45:20 slave22 sshd[2738]: Failed password for root from 202.109.1";
    }

    private static ParseRun run(String fixture) {
        return ParseRun.file(Parsers.byName("sshd"), ParseRun.resource(fixture));
    }

    private static ParseRun inline(String... lines) {
        return ParseRun.lines(new SshdAuthParser(ParseRun.inline()), lines);
    }

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void bruteForceFailuresPerSource() {
        // grep -o 'sshd\[[0-9]*\]: Failed password.*from [0-9.]*' secure-rhel7.log | grep -o 'from [0-9.]*' | sort | uniq -c
        Map<IpAddress, Long> failures = run(RHEL).events.stream().filter(e -> e.outcome() == Outcome.AUTH_FAILURE)
                .collect(Collectors.groupingBy(Event::source, Collectors.counting()));
        assertThat(failures).isEqualTo(Map.of(IpAddress.parse("202.109.143.106"), 213L,
                IpAddress.parse("116.31.116.27"), 61L, IpAddress.parse("223.99.60.46"), 78L));
    }

    @Test
    void everyOtherLineOfTheBruteForceLogIsAccountedFor() {
        ParseRun run = run(RHEL);
        // grep -c 'Accepted' ; grep -c 'Received disconnect.*\[preauth\]'
        assertThat(run.count(e -> e.outcome() == Outcome.AUTH_SUCCESS)).isEqualTo(3);
        assertThat(run.count(e -> e.outcome() == Outcome.PREAUTH_DISCONNECT)).isEqualTo(21);
        assertThat(run.events).hasSize(352 + 3 + 21);
        // PAM echoes, session lines, sudo, "Disconnecting: Too many..." (no address): ignored, none malformed.
        assertThat(run.ignoredCount()).isEqualTo(1000 - 376);
        assertThat(run.malformed).isEmpty();
        assertThat(run.events).allMatch(e -> e.handshake() && "ssh".equals(e.service()));
        Event first = run.events.get(0);
        assertThat(first.sourcePort()).isEqualTo(1786);
        assertThat(first.detail(Authentication.class)).isEqualTo(new Authentication("root", false, "password"));
        Event accepted = run.events.stream().filter(e -> e.outcome() == Outcome.AUTH_SUCCESS).findFirst().orElseThrow();
        assertThat(accepted.source()).isEqualTo(IpAddress.parse("69.245.39.97"));
        assertThat(accepted.detail(Authentication.class)).isEqualTo(new Authentication("drewr", false, "publickey"));
    }

    @Test
    void yearFromTheFlagAndZoneFromTheContext() {
        var file = ParseRun.resource(RHEL);
        FileContext berlin2017 = ParseRun.context(file, 2017, ZoneId.of("Europe/Berlin"));
        Event first = ParseRun.file(new SshdAuthParser(berlin2017), file).events.get(0);
        assertThat(first.time()).isEqualTo(utc("2017-02-22T15:45:20Z"));
    }

    @Test
    void aFileIsNeverSplitBetweenTwoYears() {
        // A log copied (new mtime 2026-12-10 12:00) whose lines lie just after that: the per-line rule put
        // the three within a day of the mtime in 2026 and the rest in 2025, and the brute force across the
        // cut was lost. The first line (in the head) anchors the year; the others follow it.
        String[] lines = {
                "Dec 11 12:59:54 h sshd[1]: Invalid user a from 192.0.2.1",
                "Dec 11 12:59:58 h sshd[1]: Invalid user a from 192.0.2.1",
                "Dec 11 13:00:00 h sshd[1]: Invalid user a from 192.0.2.1",
                "Dec 11 14:00:04 h sshd[1]: Invalid user a from 192.0.2.1"};
        FileContext copied = new FileContext("f", 0, utc("2026-12-10T12:00:00Z"), ZoneOffset.UTC, List.of(lines));
        assertThat(ParseRun.lines(new SshdAuthParser(copied), lines).events).extracting(Event::time).containsExactly(
                utc("2026-12-11T12:59:54Z"), utc("2026-12-11T12:59:58Z"), utc("2026-12-11T13:00:00Z"),
                utc("2026-12-11T14:00:04Z"));
    }

    @Test
    void linesAfterNewYearMoveOnToTheNextYearAlsoWithTheYearGiven() {
        // --year 2024 is the first line's year: the January lines after it are 2025's, not 364 days back.
        String[] lines = {
                "<38>Dec 31 23:59:56 h sshd[1]: Invalid user a from 192.0.2.1",
                "<38>Jan  1 00:00:02 h sshd[1]: Invalid user a from 192.0.2.1",
                "<38>Dec 31 23:59:59 h sshd[1]: Invalid user a from 192.0.2.1",
                "<38>Mar  3 10:00:00 h sshd[1]: Invalid user a from 192.0.2.1"};
        FileContext given = new FileContext("f", 2024, utc("2026-12-06T00:00:00Z"), ZoneOffset.UTC, List.of(lines));
        assertThat(ParseRun.lines(new SshdAuthParser(given), lines).events).extracting(Event::time).containsExactly(
                utc("2024-12-31T23:59:56Z"), utc("2025-01-01T00:00:02Z"), utc("2024-12-31T23:59:59Z"),
                utc("2025-03-03T10:00:00Z"));
        // Inferred the same way: the first line by the mtime (2026-01-01 00:00:05), the next after it.
        FileContext inferred = new FileContext("f", 0, utc("2026-01-01T00:00:05Z"), ZoneOffset.UTC, List.of(lines));
        assertThat(ParseRun.lines(new SshdAuthParser(inferred), lines[0], lines[1]).events).extracting(Event::time)
                .containsExactly(utc("2025-12-31T23:59:56Z"), utc("2026-01-01T00:00:02Z"));
    }

    @Test
    void yearInferredFromTheReferenceTimeWithoutState() {
        // Reference 2017-01-10 12:00 UTC: a line may be up to one day later than it, else it is last year's.
        FileContext january = new FileContext("f", 0, utc("2017-01-10T12:00:00Z"), ZoneOffset.UTC, List.of());
        ParseRun run = ParseRun.lines(new SshdAuthParser(january),
                "Jan 11 11:00:00 h sshd[1]: Invalid user a from 192.0.2.1",
                "Jan 12 13:00:00 h sshd[1]: Invalid user a from 192.0.2.1",
                "Dec 31 23:59:59 h sshd[1]: Invalid user a from 192.0.2.1",
                "Feb 29 10:00:00 h sshd[1]: Invalid user a from 192.0.2.1");
        assertThat(run.events).extracting(Event::time).containsExactly(utc("2017-01-11T11:00:00Z"),
                utc("2016-01-12T13:00:00Z"), utc("2016-12-31T23:59:59Z"), utc("2016-02-29T10:00:00Z"));
    }

    @Test
    void crowdsecSampleLineByLine() {
        ParseRun run = run(CROWDSEC);
        assertThat(run.malformed).isEmpty();
        // Ignored: 4-5 (PAM echo of an attempt sshd logs itself), 10-11 ("Magic value check failed", not OpenSSH).
        assertThat(run.ignoredLines).containsExactly(4L, 5L, 10L, 11L);
        assertThat(run.events).extracting(Event::outcome).containsExactly(
                Outcome.AUTH_FAILURE, Outcome.AUTH_FAILURE, Outcome.AUTH_FAILURE,        // 1-3 Invalid user
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT,                // 6-7 closed, disconnected
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT,                // 8-9
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT,                // 12-13
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT,                // 14-15 unable to negotiate
                Outcome.PREAUTH_DISCONNECT,                                            // 16 reset
                Outcome.AUTH_FAILURE, Outcome.AUTH_FAILURE,                            // 17 not allowed, 18 failed
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT,                // 19 timeout, 20 dispatch
                Outcome.AUTH_FAILURE, Outcome.PREAUTH_DISCONNECT,                      // 21 sshd-session, 22 closed
                Outcome.BLOCKED, Outcome.BLOCKED);                                     // 23-24 tcp_wrappers
        Event iso = run.events.get(12);
        assertThat(iso.position().line()).isEqualTo(17);
        assertThat(iso.time()).isEqualTo(utc("2023-11-13T23:20:42.738Z"));
        assertThat(iso.detail(Authentication.class).user()).isEqualTo("root");
        Event closing = run.events.get(3);
        assertThat(closing.source()).isEqualTo(IpAddress.parse("206.81.24.125"));
        assertThat(closing.sourcePort()).isEqualTo(45362);
        assertThat(closing.detail(Authentication.class)).isEqualTo(new Authentication("root", false, null));
        assertThat(run.events.get(4).detail(Authentication.class)).isEqualTo(new Authentication("ftp", true, null));
        Event session = run.events.get(16);
        assertThat(session.position().line()).isEqualTo(21);
        assertThat(session.source()).isEqualTo(IpAddress.parse("192.168.1.3"));
        // "refused connect from ..._@::ffff:192.168.1.1 (::ffff:192.168.1.1)": the mapped form is the IPv4 client.
        assertThat(run.events.get(18).source()).isEqualTo(IpAddress.parse("192.168.1.1"));
    }

    @Test
    void rfc5424Lines() {
        ParseRun run = run("parse/sshd/crowdsec-opnsense-sshd.log");
        // grep -c 'Invalid user tutu from 1.2.3.4' crowdsec-opnsense-sshd.log
        assertThat(run.events).hasSize(10).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.AUTH_FAILURE);
            assertThat(e.source()).isEqualTo(IpAddress.parse("1.2.3.4"));
            assertThat(e.detail(Authentication.class)).isEqualTo(new Authentication("tutu", true, null));
        });
        assertThat(run.events.get(0).time()).isEqualTo(utc("2022-01-19T14:23:55Z"));
        assertThat(run.events.get(0).sourcePort()).isEqualTo(33166);
    }

    @Test
    void bannerExchangeFailures() {
        ParseRun run = run("parse/sshd/crowdsec-sshd-banner-exchange.log");
        // grep -c 'banner exchange' → 6; the "kex_exchange_identification" lines carry no address
        assertThat(run.events).hasSize(6).allMatch(e -> e.outcome() == Outcome.PREAUTH_DISCONNECT);
        assertThat(run.ignoredCount()).isEqualTo(7);
    }

    @Test
    void oldPamFormWithAddressOrHostName() {
        // Constructed in the pre-2010 Red Hat form, documentation addresses.
        ParseRun run = inline(
                "Jun 14 15:16:01 host1 sshd(pam_unix)[1234]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.33  user=root",
                "Jun 14 15:16:02 host1 sshd(pam_unix)[1235]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-192-0-2-34.example.net ",
                "Jun 14 15:16:02 host1 sshd(pam_unix)[1235]: check pass; user unknown",
                "Jun 14 15:16:03 host1 sshd(pam_unix)[1236]: session opened for user test by (uid=509)");
        assertThat(run.events).hasSize(2).allMatch(e -> e.outcome() == Outcome.AUTH_FAILURE);
        assertThat(run.events.get(0).source()).isEqualTo(IpAddress.parse("192.0.2.33"));
        assertThat(run.events.get(0).detail(Authentication.class).user()).isEqualTo("root");
        assertThat(run.events.get(1).source()).isNull();
        assertThat(run.ignoredCount()).isEqualTo(2);
    }

    @Test
    void otherOpenSshMessages() {
        // Constructed in the shapes OpenSSH 7-9 logs, documentation addresses.
        ParseRun run = inline(
                "Mar  1 10:00:00 h sshd[9]: Failed password for root from 192.0.2.5 port 22 ssh2",
                "Mar  1 10:00:01 h sshd[9]: error: maximum authentication attempts exceeded for invalid user admin from 192.0.2.6 port 4242 ssh2 [preauth]",
                "Mar  1 10:00:02 h sshd[9]: Connection from 192.0.2.7 port 5555 on 198.51.100.1 port 22 rdomain \"\"",
                "Mar  1 10:00:03 h sshd[9]: reverse mapping checking getaddrinfo for x.example [192.0.2.8] failed - POSSIBLE BREAK-IN ATTEMPT!",
                "Mar  1 10:00:04 h sshd[9]: Address 192.0.2.9 maps to y.example, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!",
                "Mar  1 10:00:05 h sshd[9]: Disconnecting authenticating user root 192.0.2.10 port 6000: Too many authentication failures [preauth]",
                "Mar  1 10:00:06 h sshd[9]: Failed password for root from host.example.com port 22 ssh2",
                "Mar  1 10:00:07 h sshd[9]: Failed publickey for git from 2001:db8::1 port 22 ssh2: ED25519 SHA256:abc",
                "Mar  1 10:00:08 h sshd[9]: Received disconnect from 2001:db8::2 port 50000:11: Bye Bye [preauth]",
                "Mar  1 10:00:09 h sshd[9]: Bad protocol version identification 'GET / HTTP/1.1' from 192.0.2.11 port 1234",
                "Mar  1 10:00:10 h sshd[9]: Did not receive identification string from 192.0.2.12 port 41234",
                "Mar  1 10:00:11 h sshd[9]: Failed password for invalid user  0101 from 192.0.2.13 port 3 ssh2",
                "Mar  1 10:00:12 h CRON[77]: pam_unix(cron:session): session opened for user root by (uid=0)",
                "Mar  1 10:00:13 h sshd[9]: Server listening on 0.0.0.0 port 22.",
                "Mar  1 10:00:14 h sshd[9]: Received disconnect from 192.0.2.14 port 1:11: disconnected by user");
        assertThat(run.malformed).isEmpty();
        assertThat(run.ignoredLines).containsExactly(13L, 14L, 15L);
        assertThat(run.events).extracting(Event::outcome).containsExactly(Outcome.AUTH_FAILURE,
                Outcome.PREAUTH_DISCONNECT, Outcome.CONNECTION, Outcome.OTHER, Outcome.OTHER,
                Outcome.PREAUTH_DISCONNECT, Outcome.AUTH_FAILURE, Outcome.AUTH_FAILURE, Outcome.PREAUTH_DISCONNECT,
                Outcome.PREAUTH_DISCONNECT, Outcome.PREAUTH_DISCONNECT, Outcome.AUTH_FAILURE);
        assertThat(run.events).extracting(Event::source).containsExactly(IpAddress.parse("192.0.2.5"),
                IpAddress.parse("192.0.2.6"), IpAddress.parse("192.0.2.7"), IpAddress.parse("192.0.2.8"),
                IpAddress.parse("192.0.2.9"), IpAddress.parse("192.0.2.10"), null, IpAddress.parse("2001:db8::1"),
                IpAddress.parse("2001:db8::2"), IpAddress.parse("192.0.2.11"), IpAddress.parse("192.0.2.12"),
                IpAddress.parse("192.0.2.13"));
        assertThat(run.events.get(1).detail(Authentication.class)).isEqualTo(new Authentication("admin", true, null));
        assertThat(run.events.get(2).destination()).isEqualTo(IpAddress.parse("198.51.100.1"));
        assertThat(run.events.get(2).destinationPort()).isEqualTo(22);
        assertThat(run.events.get(5).detail(Authentication.class).user()).isEqualTo("root");
        assertThat(run.events.get(7).detail(Authentication.class)).isEqualTo(new Authentication("git", false, "publickey"));
        assertThat(run.events.get(8).sourcePort()).isEqualTo(50000);
        assertThat(run.events.get(11).detail(Authentication.class)).isEqualTo(new Authentication(" 0101", true, "password"));
    }

    @Test
    void rsyslogsRepeatedMessageCountsEveryAttemptItStandsFor() {
        // rsyslog writes one line for the next N identical messages (RepeatedMsgReduction): the loghub
        // OpenSSH_2k log guesses passwords that way, and read as one event each, 6 tries in 13 s were 2.
        ParseRun run = inline(
                "Dec 10 07:13:43 h sshd[1]: Failed password for root from 5.36.59.76 port 42393 ssh2",
                "Dec 10 07:13:56 h sshd[1]: message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]",
                "Dec 10 07:14:00 h sshd[1]: message repeated 9999999 times: [ Failed password for root from 5.36.59.77 port 1 ssh2]",
                "Dec 10 07:14:01 h sshd[1]: message repeated many times: [ Failed password for root from 5.36.59.78 port 1 ssh2]");
        assertThat(run.malformed).isEmpty();
        assertThat(run.events).filteredOn(e -> e.source().equals(IpAddress.parse("5.36.59.76"))).hasSize(6)
                .allMatch(e -> e.outcome() == Outcome.AUTH_FAILURE);
        assertThat(run.events).filteredOn(e -> e.source().equals(IpAddress.parse("5.36.59.77"))).hasSize(100_000);
        assertThat(run.events).filteredOn(e -> e.source().equals(IpAddress.parse("5.36.59.78"))).hasSize(1);
    }

    @Test
    void syslogLinesWithUnusualTagsAreOtherProgramsNotMalformed() {
        // RFC 3164 lets the tag end without a colon; sysklogd and login wrote such lines.
        ParseRun run = inline(
                "Jun 19 04:00:00 host1 syslogd 1.4.1: restart.",
                "Jul  7 08:00:00 host1  -- root[2421]: ROOT LOGIN ON tty2",
                "Jul  7 08:00:01 host1 sshd[12]: Invalid user a from 192.0.2.1");
        assertThat(run.ignoredLines).containsExactly(1L, 2L);
        assertThat(run.events).hasSize(1);
    }
}
