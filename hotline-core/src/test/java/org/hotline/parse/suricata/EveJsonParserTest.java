package org.hotline.parse.suricata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.Connection;
import org.hotline.event.EventDetail.HttpRequest;
import org.hotline.event.EventDetail.IdsAlert;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class EveJsonParserTest implements ParserContract {
    private static final String HONEYPOT = "parse/suricata-eve/suricata-sample-data-honeypot-2018.eve.ndjson";
    private static final String FIRST = "parse/suricata-eve/suricata-sample-data-first-org-conf-2015.eve.ndjson";
    private static final String CROWDSEC = "parse/suricata-eve/crowdsec-suricata-evelog.log";

    @Override
    public String format() {
        return "suricata-eve";
    }

    @Override
    public List<String> fixtures() {
        return List.of(HONEYPOT, FIRST, CROWDSEC);
    }

    @Override
    public String truncatedLine() {
        return "{\"timestamp\":\"2019-01-02T03:50:11.315110\",\"flow_id\":52710912,\"in_iface\":\"eth0\",\"event_type\":\"alert\",\"src_ip\":\"8.42.";
    }

    private static ParseRun run(String fixture) {
        return ParseRun.file(Parsers.byName("suricata-eve"), ParseRun.resource(fixture));
    }

    private static ParseRun inline(String... lines) {
        return ParseRun.lines(new EveJsonParser(ParseRun.inline()), lines);
    }

    @Test
    void honeypotAlertsOnePerSignature() {
        ParseRun run = run(HONEYPOT);
        assertThat(run.events).hasSize(44).allMatch(e -> e.outcome() == Outcome.ALERT);
        // jq -r '.alert.signature_id' | sort -u | wc -l → 44 ; jq -r .src_ip | sort -u | wc -l → 35
        assertThat(run.events.stream().map(e -> e.detail(IdsAlert.class).signatureId()).distinct().count()).isEqualTo(44);
        assertThat(run.events.stream().map(Event::source).distinct().count()).isEqualTo(35);
        // jq -r .proto | sort | uniq -c → 36 TCP, 8 UDP; no app_proto anywhere, so no handshake is proven
        assertThat(run.count(e -> e.protocol() == Protocol.UDP)).isEqualTo(8);
        assertThat(run.events).noneMatch(Event::handshake);
        Event first = run.events.get(0);
        assertThat(first.detail(IdsAlert.class)).isEqualTo(new IdsAlert(2001219, "ET SCAN Potential SSH Scan",
                "Attempted Information Leak", 2, "allowed"));
        assertThat(first.source()).isEqualTo(IpAddress.parse("8.42.77.171"));
        assertThat(first.destinationPort()).isEqualTo(22);
        // "2019-01-02T03:50:11.315110" carries no offset: read in the input's zone, UTC here.
        assertThat(first.time()).isEqualTo(Instant.parse("2019-01-02T03:50:11.315Z").toEpochMilli());
    }

    @Test
    void timesWithoutOffsetFollowTheInputZone() {
        var file = ParseRun.resource(HONEYPOT);
        FileContext tokyo = ParseRun.context(file, 0, ZoneId.of("Asia/Tokyo"));
        Event first = ParseRun.file(new EveJsonParser(tokyo), file).events.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2019-01-01T18:50:11.315Z").toEpochMilli());
    }

    @Test
    void trainingCaptureAlertsWithAppLayerAndOffsets() {
        ParseRun run = run(FIRST);
        assertThat(run.events).hasSize(136);
        // jq -c 'select(.proto=="TCP" and .app_proto != null and .app_proto != "failed")' | wc -l
        assertThat(run.count(Event::handshake)).isEqualTo(119);
        // jq -r '.alert.severity' | sort | uniq -c
        Map<Integer, Long> severities = run.events.stream()
                .collect(Collectors.groupingBy(e -> e.detail(IdsAlert.class).severity(), Collectors.counting()));
        assertThat(severities).isEqualTo(Map.of(1, 71L, 2, 42L, 3, 23L));
        // jq '[.flow.bytes_toserver // 0, .flow.bytes_toclient // 0] | add' | paste -sd+ | bc
        assertThat(run.events.stream().mapToLong(Event::bytes).sum()).isEqualTo(1_589_513);
        // "2015-03-29T11:01:38.221126-0600"
        assertThat(run.events.get(0).time()).isEqualTo(Instant.parse("2015-03-29T17:01:38.221Z").toEpochMilli());
        assertThat(run.events.get(1).service()).isEqualTo("http");
    }

    @Test
    void crowdsecEveWithFlowsAndStats() {
        ParseRun run = run(CROWDSEC);
        // jq -r .event_type | sort | uniq -c → 4 alert, 2 flow, 2 stats
        assertThat(run.events).extracting(Event::outcome).containsExactly(Outcome.ALERT, Outcome.ALERT,
                Outcome.CONNECTION, Outcome.ALERT, Outcome.CONNECTION, Outcome.ALERT);
        assertThat(run.ignoredLines).containsExactly(4L, 7L);
        Event flow = run.events.get(2);
        // tcp_flags_ts 06 (SYN RST), tcp_flags_tc 14 (ACK RST): a closed port, no handshake.
        assertThat(flow.handshake()).isFalse();
        assertThat(flow.bytes()).isEqualTo(108 + 54);
        assertThat(flow.detail(Connection.class)).isEqualTo(new Connection("closed", 18, 2));
    }

    @Test
    void otherEventTypes() {
        // Constructed in the layout of Suricata 6/7's eve.json (docs.suricata.io, "Eve JSON Format").
        ParseRun run = inline(
                "{\"timestamp\":\"2024-02-01T10:00:00.000000+0000\",\"flow_id\":1,\"event_type\":\"http\",\"src_ip\":\"203.0.113.5\",\"src_port\":51000,\"dest_ip\":\"192.0.2.80\",\"dest_port\":80,\"proto\":\"TCP\",\"tx_id\":0,\"http\":{\"hostname\":\"www.example.org\",\"url\":\"/wp-login.php\",\"http_user_agent\":\"curl/8.5\",\"http_method\":\"POST\",\"protocol\":\"HTTP/1.1\",\"status\":200,\"length\":1234}}",
                "{\"timestamp\":\"2024-02-01T10:00:01.000000+0000\",\"flow_id\":2,\"event_type\":\"dns\",\"src_ip\":\"198.51.100.7\",\"src_port\":53535,\"dest_ip\":\"192.0.2.53\",\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"type\":\"query\",\"id\":1,\"rrname\":\"example.org\",\"rrtype\":\"ANY\",\"tx_id\":0}}",
                "{\"timestamp\":\"2024-02-01T10:00:02.000000+0000\",\"flow_id\":3,\"event_type\":\"tls\",\"src_ip\":\"203.0.113.6\",\"src_port\":51001,\"dest_ip\":\"192.0.2.80\",\"dest_port\":443,\"proto\":\"TCP\",\"tls\":{\"sni\":\"www.example.org\",\"version\":\"TLS 1.3\"}}",
                "{\"timestamp\":\"2024-02-01T10:00:03.000000+0000\",\"flow_id\":4,\"event_type\":\"ssh\",\"src_ip\":\"2001:db8::7\",\"src_port\":51002,\"dest_ip\":\"2001:db8::22\",\"dest_port\":22,\"proto\":\"TCP\",\"ssh\":{\"client\":{\"proto_version\":\"2.0\",\"software_version\":\"libssh2_1.10.0\"},\"server\":{\"proto_version\":\"2.0\",\"software_version\":\"OpenSSH_9.6\"}}}",
                "{\"timestamp\":\"2024-02-01T10:00:04.000000+0000\",\"event_type\":\"anomaly\",\"src_ip\":\"203.0.113.9\",\"dest_ip\":\"192.0.2.80\",\"proto\":\"TCP\",\"anomaly\":{\"type\":\"stream\",\"event\":\"stream.pkt_invalid_timestamp\"}}",
                "{\"timestamp\":\"2024-02-01T10:00:05.000000+0000\",\"flow_id\":5,\"event_type\":\"drop\",\"src_ip\":\"203.0.113.10\",\"src_port\":40000,\"dest_ip\":\"192.0.2.80\",\"dest_port\":445,\"proto\":\"TCP\",\"drop\":{\"len\":60,\"syn\":true}}",
                "{\"timestamp\":\"2024-02-01T10:00:06.000000+0000\",\"flow_id\":6,\"event_type\":\"flow\",\"src_ip\":\"203.0.113.11\",\"src_port\":40001,\"dest_ip\":\"192.0.2.80\",\"dest_port\":80,\"proto\":\"TCP\",\"app_proto\":\"http\",\"flow\":{\"pkts_toserver\":6,\"pkts_toclient\":4,\"bytes_toserver\":500,\"bytes_toclient\":900,\"start\":\"2024-02-01T10:00:05.500000+0000\",\"end\":\"2024-02-01T10:00:06.000000+0000\",\"state\":\"closed\"},\"tcp\":{\"tcp_flags\":\"1b\",\"tcp_flags_ts\":\"1b\",\"tcp_flags_tc\":\"1b\",\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true,\"state\":\"closed\"}}",
                "{\"timestamp\":\"2024-02-01T10:00:07.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"192.0.2.80\",\"src_port\":80,\"dest_ip\":\"203.0.113.12\",\"dest_port\":40002,\"proto\":\"TCP\",\"alert\":{\"action\":\"blocked\",\"signature_id\":2100498,\"signature\":\"GPL ATTACK_RESPONSE id check returned root\",\"category\":\"Potentially Bad Traffic\",\"severity\":2,\"source\":{\"ip\":\"203.0.113.12\",\"port\":40002},\"target\":{\"ip\":\"192.0.2.80\",\"port\":80}}}",
                "{\"timestamp\":\"2024-02-01T10:00:08.000000+0000\",\"event_type\":\"stats\",\"stats\":{\"uptime\":10}}",
                "{\"timestamp\":\"2024-02-01T10:00:09.000000+0000\",\"event_type\":\"engine\",\"engine\":{\"message\":\"x\"}}");
        assertThat(run.malformed).isEmpty();
        assertThat(run.ignoredLines).containsExactly(9L, 10L);
        assertThat(run.events).extracting(Event::outcome).containsExactly(Outcome.REQUEST, Outcome.REQUEST,
                Outcome.CONNECTION, Outcome.CONNECTION, Outcome.OTHER, Outcome.BLOCKED, Outcome.CONNECTION, Outcome.ALERT);
        assertThat(run.events).extracting(Event::handshake).containsExactly(true, false, true, true, false, false, true, false);
        assertThat(run.events).extracting(Event::service).containsExactly("http", "dns", "tls", "ssh", null, null, "http", null);
        assertThat(run.events.get(0).detail(HttpRequest.class)).isEqualTo(
                new HttpRequest("POST", "/wp-login.php", 200, "curl/8.5", "www.example.org"));
        assertThat(run.events.get(0).bytes()).isEqualTo(1234);
        assertThat(run.events.get(6).detail(Connection.class)).isEqualTo(new Connection("closed", 500, 6));
        Event reply = run.events.get(7);
        // The rule names the attacker: alert.source wins over the packet's src_ip (the server's reply).
        assertThat(reply.source()).isEqualTo(IpAddress.parse("203.0.113.12"));
        assertThat(reply.destination()).isEqualTo(IpAddress.parse("192.0.2.80"));
        assertThat(reply.detail(IdsAlert.class).action()).isEqualTo("blocked");
    }
}
