package org.hotline.parse.cowrie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.HoneypotAction;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

/**
 * No real Cowrie JSON log with a permissive licence could be found (Cowrie's own repository holds
 * none; the public ones carry no licence), so the fixture is written by us in Cowrie 2.x's
 * layout: see its .license file. Real logs were checked locally only.
 */
class CowrieJsonParserTest implements ParserContract {
    private static final String SESSIONS = "parse/cowrie/cowrie-synthetic-sessions.json";

    @Override
    public String format() {
        return "cowrie";
    }

    @Override
    public List<String> fixtures() {
        return List.of(SESSIONS);
    }

    @Override
    public String truncatedLine() {
        return "{\"eventid\": \"cowrie.login.failed\", \"username\": \"root\", \"password\": \"123456\", \"message\": \"login att";
    }

    private static ParseRun run() {
        return ParseRun.file(Parsers.byName("cowrie"), ParseRun.resource(SESSIONS));
    }

    private static HoneypotAction action(Event e) {
        return e.detail(HoneypotAction.class);
    }

    @Test
    void oneEventPerIntruderAction() {
        ParseRun run = run();
        // jq -r .eventid cowrie-synthetic-sessions.json | sort | uniq -c
        Map<Outcome, Long> outcomes = run.events.stream().collect(Collectors.groupingBy(Event::outcome, Collectors.counting()));
        assertThat(outcomes).isEqualTo(Map.of(
                Outcome.CONNECTION, 3L,      // session.connect
                Outcome.AUTH_FAILURE, 6L,    // 5 login.failed + 1 client.fingerprint
                Outcome.AUTH_SUCCESS, 2L,    // login.success
                Outcome.COMMAND, 3L,         // 2 command.input + 1 command.failed
                Outcome.OTHER, 2L));         // direct-tcpip.request, session.file_download
        // client.version, client.kex, client.size, log.closed, direct-tcpip.data, 3 × session.closed
        assertThat(run.ignoredCount()).isEqualTo(8);
        assertThat(run.malformed).isEmpty();
        assertThat(run.events).allMatch(Event::handshake);
        // jq -r .src_ip | sort -u
        assertThat(run.events.stream().map(Event::source).distinct())
                .containsExactlyInAnyOrder(IpAddress.parse("203.0.113.7"), IpAddress.parse("198.51.100.44"),
                        IpAddress.parse("2001:db8::5"));
    }

    @Test
    void fieldsOfEachKind() {
        List<Event> events = run().events;
        Event connect = events.get(0);
        assertThat(connect.time()).isEqualTo(Instant.parse("2024-03-04T05:06:07.123Z").toEpochMilli());
        assertThat(connect.sourcePort()).isEqualTo(52577);
        assertThat(connect.destination()).isEqualTo(IpAddress.parse("192.0.2.10"));
        assertThat(connect.destinationPort()).isEqualTo(2222);
        assertThat(connect.service()).isEqualTo("ssh");
        Event failed = events.get(1);
        assertThat(action(failed)).isEqualTo(new HoneypotAction("cowrie.login.failed", "5f1a2b3c4d5e", "root", "123456", null));
        assertThat(failed.service()).isEqualTo("ssh"); // from "system": "SSHService ... HoneyPotSSHTransport"
        assertThat(action(events.get(5)).command()).isEqualTo("uname -a");
        assertThat(action(events.get(7)).command()).isEqualTo("http://198.51.100.20/x.sh");
        Event telnet = events.get(9);
        assertThat(telnet.service()).isEqualTo("telnet");
        assertThat(telnet.destinationPort()).isEqualTo(2223);
        Event tunnel = events.stream().filter(e -> action(e).eventId().equals("cowrie.direct-tcpip.request")).findFirst().orElseThrow();
        assertThat(action(tunnel).command()).isEqualTo("direct-tcpip 192.0.2.80:80");
        assertThat(tunnel.destination()).isNull(); // the tunnel's target is a third party, not the sensor
        assertThat(tunnel.source()).isEqualTo(IpAddress.parse("2001:db8::5"));
    }

    @Test
    void eveAndZeekRecordsAreNotCowrie() {
        ParseRun run = ParseRun.lines(new CowrieJsonParser(ParseRun.inline()),
                "{\"timestamp\":\"2019-01-02T03:50:11.315110\",\"event_type\":\"alert\",\"src_ip\":\"8.42.77.171\"}",
                "{\"ts\":1591367999.430166,\"uid\":\"C5bLoe2Mvxqhawzqqd\",\"id.orig_h\":\"192.168.4.76\"}",
                "{\"eventid\": \"cowrie.session.params\", \"src_ip\": \"203.0.113.7\", \"timestamp\": \"2024-03-04T05:06:07Z\"}");
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(1L, 2L);
        assertThat(run.ignoredLines).containsExactly(3L);
    }
}
