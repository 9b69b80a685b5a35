package org.hotline.parse.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.Connection;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

/**
 * Handshake and byte counts below come from an awk script that reads the columns by their
 * {@code #fields} names, independent of the parser:
 * <pre>
 * /^#fields/ { for (i = 2; i <= NF; i++) col[$i] = i - 1; next }   /^#/ { next }
 * { n++; p = $col["proto"]; s = $col["conn_state"]; h = $col["history"]
 *   if (p == "tcp" && s ~ /^(S1|SF|S2|S3|RSTO|RSTR)$/ && h ~ /S/ && h ~ /h/ && h ~ /[AD]/) hs++
 *   ob = $col["orig_bytes"]; rb = $col["resp_bytes"]; if (ob != "-" || rb != "-") bytes += ... }
 * </pre>
 */
class ZeekConnTsvParserTest implements ParserContract {
    private static final String REAL = "parse/zeek-conn/zeek-cut-conn.log";
    private static final String SSH = "parse/zeek-conn/zeek-btest-ssh-basic-conn.log";
    private static final String TEREDO = "parse/zeek-conn/zeek-btest-tunnels-teredo-conn.log";

    @Override
    public String format() {
        return "zeek-conn";
    }

    @Override
    public List<String> fixtures() {
        return List.of(REAL, "parse/zeek-conn/zeek-cut-conncomma.log", SSH, TEREDO);
    }

    @Override
    public String truncatedLine() {
        return "1329843175.736107\tCjhGID4nQcgTWjvg4c\t141.142.220.235\t37604\t199.233.217.249\t56666\ttcp";
    }

    private static ParseRun run(String fixture) {
        return ParseRun.file(Parsers.byName("zeek-conn"), ParseRun.resource(fixture));
    }

    @Test
    void realConnLogWithTimestampsAndPublicAddresses() {
        ParseRun run = run(REAL);
        assertThat(run.events).hasSize(5);
        assertThat(run.ignoredCount()).isEqualTo(9); // 8 header lines and #close
        Event ftp = run.events.get(4);
        assertThat(ftp.time()).isEqualTo(1_329_843_161_968L);
        assertThat(ftp.source()).isEqualTo(IpAddress.parse("141.142.220.235"));
        assertThat(ftp.sourcePort()).isEqualTo(50003);
        assertThat(ftp.destination()).isEqualTo(IpAddress.parse("199.233.217.249"));
        assertThat(ftp.destinationPort()).isEqualTo(21);
        assertThat(ftp.service()).isEqualTo("ftp");
        assertThat(ftp.bytes()).isEqualTo(180 + 3146);
        assertThat(ftp.detail(Connection.class)).isEqualTo(new Connection("SF", 38055, 38));
        // awk script above: events 5 handshake 5 bytes 4164
        assertThat(run.events).allMatch(e -> e.handshake() && e.outcome() == Outcome.CONNECTION);
        assertThat(run.events.stream().mapToLong(Event::bytes).sum()).isEqualTo(4164);
    }

    @Test
    void commaSeparatorFromTheHeader() {
        ParseRun comma = run("parse/zeek-conn/zeek-cut-conncomma.log");
        ParseRun tab = run(REAL);
        assertThat(comma.events).hasSize(5);
        // Same five connections (in another order) as the tab-separated copy.
        assertThat(comma.events).extracting(Event::source, Event::destinationPort, Event::bytes)
                .containsExactlyInAnyOrderElementsOf(tab.events.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.source(), e.destinationPort(), e.bytes())).toList());
    }

    @Test
    void maskedBaselineTimestampsGiveEventsWithoutTime() {
        ParseRun run = run(SSH);
        // awk script above: events 25 handshake 22 bytes 1172239
        assertThat(run.events).hasSize(25).allMatch(e -> !e.hasTime());
        assertThat(run.count(Event::handshake)).isEqualTo(22);
        assertThat(run.events.stream().filter(e -> e.bytes() >= 0).mapToLong(Event::bytes).sum()).isEqualTo(1_172_239);
        assertThat(run.count(e -> "S0".equals(e.detail(Connection.class).state()) && !e.handshake())).isEqualTo(2);
    }

    @Test
    void tunnelledIpv6UdpAndIcmpConnections() {
        ParseRun run = run(TEREDO);
        // awk script above: events 21 handshake 3 bytes 33066; awk -F'\t' '!/^#/ {print $7}' | sort | uniq -c
        assertThat(run.events).hasSize(21);
        assertThat(run.count(Event::handshake)).isEqualTo(3);
        assertThat(run.events.stream().filter(e -> e.bytes() >= 0).mapToLong(Event::bytes).sum()).isEqualTo(33066);
        assertThat(run.count(e -> e.protocol() == Protocol.ICMP)).isEqualTo(3);
        assertThat(run.count(e -> e.protocol() == Protocol.UDP)).isEqualTo(8);
        assertThat(run.events).filteredOn(e -> e.protocol() == Protocol.ICMP)
                .allMatch(e -> e.sourcePort() == -1 && e.destinationPort() == -1);
        // awk -F'\t' '!/^#/ && $3 ~ /:/' | wc -l → 4 IPv6 originators
        assertThat(run.count(e -> !e.source().isV4())).isEqualTo(4);
        // "SHR" (responder's SYN-ACK, no SYN seen) proves nothing about the originator.
        assertThat(run.events.get(0).detail(Connection.class).state()).isEqualTo("SHR");
        assertThat(run.events.get(0).handshake()).isFalse();
    }

    @Test
    void headerLinesMidFileAndOtherLogs() {
        String fields = "#fields\tts\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state\thistory";
        ZeekConnTsvParser parser = new ZeekConnTsvParser(ParseRun.inline("#separator \\x09", "#path\tconn", fields));
        ParseRun run = ParseRun.lines(parser,
                "1700000000.5\t192.0.2.1\t40000\t198.51.100.2\t22\ttcp\tS0\tS",
                "#fields\tid.orig_h\tid.resp_h\tts\tproto\tconn_state",
                "198.51.100.3\t192.0.2.4\t1700000001.25\tudp\tSF",
                "#path\tdns",
                "1700000002.0\t192.0.2.5\t198.51.100.6\t53\tudp\tSF");
        assertThat(run.events).hasSize(2);
        assertThat(run.events.get(0).time()).isEqualTo(1_700_000_000_500L);
        assertThat(run.events.get(0).handshake()).isFalse();
        assertThat(run.events.get(1).source()).isEqualTo(IpAddress.parse("198.51.100.3"));
        assertThat(run.events.get(1).time()).isEqualTo(1_700_000_001_250L);
        assertThat(run.ignoredLines).containsExactly(2L, 4L);
        assertThat(run.malformed).extracting(ParseRun.Malformed::reason).containsExactly("a Zeek 'dns' log, not conn");
    }

    @Test
    void linesWithoutAHeaderAreMalformed() {
        ParseRun run = ParseRun.lines(new ZeekConnTsvParser(ParseRun.inline()),
                "1329843175.736107\tCjhGID4nQcgTWjvg4c\t141.142.220.235\t37604\t199.233.217.249\t56666\ttcp");
        assertThat(run.malformed).extracting(ParseRun.Malformed::reason)
                .containsExactly("no #fields header before this line: not a Zeek TSV log, or its header is missing");
    }
}
