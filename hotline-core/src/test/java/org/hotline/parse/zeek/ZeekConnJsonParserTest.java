package org.hotline.parse.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.Connection;
import org.hotline.event.IpAddress;
import org.hotline.event.Protocol;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class ZeekConnJsonParserTest implements ParserContract {
    private static final String DOCS = "parse/zeek-conn-json/zeek-docs-conn.json";

    @Override
    public String format() {
        return "zeek-conn-json";
    }

    @Override
    public List<String> fixtures() {
        return List.of(DOCS);
    }

    @Override
    public String truncatedLine() {
        return "{\"ts\":1591367999.430166,\"uid\":\"C5bLoe2Mvxqhawzqqd\",\"id.orig_h\":\"192.168.4.76\",\"id.orig_p\":46";
    }

    @Test
    void recordsFromZeeksDocumentation() {
        ParseRun run = ParseRun.file(Parsers.byName("zeek-conn-json"), ParseRun.resource(DOCS));
        assertThat(run.events).hasSize(4);
        Event dns = run.events.get(0);
        assertThat(dns.protocol()).isEqualTo(Protocol.UDP);
        assertThat(dns.service()).isEqualTo("dns");
        assertThat(dns.handshake()).isFalse();
        assertThat(dns.time()).isEqualTo(1_591_367_999_305L);
        Event http = run.events.get(1);
        assertThat(http.source()).isEqualTo(IpAddress.parse("192.168.4.76"));
        assertThat(http.destination()).isEqualTo(IpAddress.parse("31.3.245.133"));
        assertThat(http.destinationPort()).isEqualTo(80);
        assertThat(http.bytes()).isEqualTo(77 + 295);
        assertThat(http.handshake()).isTrue();
        assertThat(http.detail(Connection.class)).isEqualTo(new Connection("SF", 254, 6));
        // jq -r '.service' → dns, http, ssl, ssl
        assertThat(run.events).extracting(Event::service).containsExactly("dns", "http", "ssl", "ssl");
    }

    @Test
    void isoTimestampsNestedIdsAndOtherLogs() {
        // Constructed: JSON::TS_ISO8601 timestamps, a shipper's nested "id", a dns.log record, a non-Zeek object.
        ParseRun run = ParseRun.lines(new ZeekConnJsonParser(ParseRun.inline()),
                "{\"_path\":\"conn\",\"ts\":\"2024-03-01T12:00:00.250000Z\",\"uid\":\"C1\",\"id.orig_h\":\"203.0.113.9\",\"id.orig_p\":50000,\"id.resp_h\":\"192.0.2.22\",\"id.resp_p\":22,\"proto\":\"tcp\",\"conn_state\":\"S0\",\"history\":\"S\",\"orig_pkts\":1}",
                "{\"ts\":1709294400.0,\"uid\":\"C2\",\"id\":{\"orig_h\":\"2001:db8::9\",\"orig_p\":50001,\"resp_h\":\"2001:db8::22\",\"resp_p\":443},\"proto\":\"tcp\",\"service\":\"ssl\",\"conn_state\":\"SF\",\"history\":\"ShADadFf\"}",
                "{\"_path\":\"dns\",\"ts\":1709294400.5,\"uid\":\"C3\",\"id.orig_h\":\"192.0.2.5\",\"id.orig_p\":5353,\"id.resp_h\":\"192.0.2.53\",\"id.resp_p\":53,\"proto\":\"udp\",\"query\":\"example.org\"}",
                "{\"timestamp\":\"2024-03-01T12:00:00Z\",\"event_type\":\"alert\"}");
        assertThat(run.events).hasSize(2);
        assertThat(run.events.get(0).time()).isEqualTo(Instant.parse("2024-03-01T12:00:00.250Z").toEpochMilli());
        assertThat(run.events.get(0).handshake()).isFalse();
        assertThat(run.events.get(1).source()).isEqualTo(IpAddress.parse("2001:db8::9"));
        assertThat(run.events.get(1).destinationPort()).isEqualTo(443);
        assertThat(run.events.get(1).handshake()).isTrue();
        assertThat(run.ignoredLines).containsExactly(3L);
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(4L);
    }
}
