package org.hotline.parse.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.FirewallPacket;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class NetfilterLogParserTest implements ParserContract {
    private static final String DUNNEJA = "parse/netfilter/dunneja-iptables.log";

    @Override
    public String format() {
        return "netfilter";
    }

    @Override
    public List<String> fixtures() {
        return List.of(DUNNEJA, "parse/netfilter/crowdsec-iptables.log", "parse/netfilter/crowdsec-iptables-scan-multi-port.log");
    }

    @Override
    public String truncatedLine() {
        return "Dec 11 00:05:07 ixion kernel: [2687005.355645] IPTABLES:BLOCKED-CONN: IN=eth0 OUT= MAC=00:0d:3a:2f:f2:27:12:34:56:78:9a:bc:08:00 SRC=40.11";
    }

    private static ParseRun run(String fixture) {
        return ParseRun.file(Parsers.byName("netfilter"), ParseRun.resource(fixture));
    }

    private static FirewallPacket packet(Event e) {
        return e.detail(FirewallPacket.class);
    }

    @Test
    void azureVmBlockedInboundTraffic() {
        ParseRun run = run(DUNNEJA);
        // grep -c '' dunneja-iptables.log (the last line has no newline)
        assertThat(run.events).hasSize(1182);
        assertThat(run.malformed).isEmpty();
        assertThat(run.events).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(e.handshake()).isFalse();
            assertThat(e.protocol()).isEqualTo(Protocol.TCP);
            assertThat(e.destination()).isEqualTo(IpAddress.parse("10.0.0.4"));
            assertThat(packet(e).prefix()).isEqualTo("IPTABLES:BLOCKED-CONN:");
            assertThat(packet(e).inInterface()).isEqualTo("eth0");
        });
        // grep -o 'SRC=[^ ]*' dunneja-iptables.log | sort | uniq -c | sort -rn
        Map<IpAddress, Long> perSource = run.events.stream().collect(Collectors.groupingBy(Event::source, Collectors.counting()));
        assertThat(perSource).hasSize(6).containsEntry(IpAddress.parse("40.119.104.0"), 542L)
                .containsEntry(IpAddress.parse("40.87.188.0"), 337L).containsEntry(IpAddress.parse("40.119.108.0"), 300L);
        // awk '{for(i=1;i<=NF;i++) if ($i ~ /^LEN=/) {split($i,a,"="); s+=a[2]; break}} END {print s}'
        assertThat(run.events.stream().mapToLong(Event::bytes).sum()).isEqualTo(85040);
        // grep -c 'SPT=23456'; grep -o ' [A-Z][A-Z]* [A-Z ]*URGP' | sort | uniq -c
        assertThat(run.count(e -> e.sourcePort() == 23456)).isEqualTo(1180);
        assertThat(run.count(e -> "ACK SYN".equals(packet(e).tcpFlags()))).isEqualTo(1180);
        assertThat(run.count(e -> "ACK RST".equals(packet(e).tcpFlags()))).isEqualTo(2);
    }

    @Test
    void firstLineWithItsYearFromTheFlag() {
        var file = ParseRun.resource(DUNNEJA);
        Event first = ParseRun.file(new NetfilterLogParser(ParseRun.context(file, 2022, ZoneOffset.UTC)), file).events.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2022-12-11T00:05:07Z").toEpochMilli());
        assertThat(first.source()).isEqualTo(IpAddress.parse("40.119.104.0"));
        assertThat(first.sourcePort()).isEqualTo(23456);
        assertThat(first.destinationPort()).isEqualTo(22911);
        assertThat(first.bytes()).isEqualTo(72);
    }

    @Test
    void crowdsecLinesWithoutPrefixUdpAndABrokenInterfaceKey() {
        ParseRun run = run("parse/netfilter/crowdsec-iptables.log");
        // Line 3 logs "XX=enp1s0" instead of IN=: not a packet-log line.
        assertThat(run.ignoredLines).containsExactly(3L);
        assertThat(run.events).hasSize(3);
        Event noPrefix = run.events.get(0);
        assertThat(packet(noPrefix)).isEqualTo(new FirewallPacket(null, "enp1s0", "SYN"));
        assertThat(noPrefix.outcome()).isEqualTo(Outcome.BLOCKED); // the documented default
        Event udp = run.events.get(2);
        assertThat(udp.protocol()).isEqualTo(Protocol.UDP);
        assertThat(udp.bytes()).isEqualTo(76); // the IP length, not the later UDP LEN=56
        assertThat(udp.destinationPort()).isEqualTo(53);
        assertThat(packet(udp)).isEqualTo(new FirewallPacket("IPTABLES-DROP:", "lo", null));
    }

    @Test
    void ufwBlockAndAuditLines() {
        ParseRun run = run("parse/netfilter/crowdsec-iptables-scan-multi-port.log");
        // grep -c 'UFW AUDIT' → 16 of 49 lines; grep -c 'UFW BLOCK' → 16; the other 17 have no prefix
        assertThat(run.events).hasSize(49);
        assertThat(run.count(e -> e.outcome() == Outcome.OTHER && "[UFW AUDIT]".equals(packet(e).prefix()))).isEqualTo(16);
        assertThat(run.count(e -> e.outcome() == Outcome.BLOCKED && "[UFW BLOCK]".equals(packet(e).prefix()))).isEqualTo(16);
        assertThat(run.count(e -> e.outcome() == Outcome.BLOCKED && packet(e).prefix() == null)).isEqualTo(17);
        // grep -o 'SRC=[^ ]*' | sort | uniq -c → 17 from 62.34.17.168
        assertThat(run.count(e -> e.source().equals(IpAddress.parse("62.34.17.168")))).isEqualTo(17);
    }

    @Test
    void otherRuleSetsTimestampsAndProtocols() {
        // Constructed in the shapes UFW, nftables and journald-to-rsyslog write; documentation addresses.
        ParseRun run = ParseRun.lines(new NetfilterLogParser(ParseRun.inline()),
                "Apr 21 00:00:56 vps kernel: [24385901.340034] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:7c:d8:0f:fe:54:00:7c:d8:0f:08:00 SRC=203.0.113.14 DST=198.51.100.129 LEN=40 TOS=0x00 PREC=0x00 TTL=247 ID=2690 PROTO=TCP SPT=56770 DPT=14741 WINDOW=1024 RES=0x00 SYN URGP=0 ",
                "Apr 21 00:00:57 vps kernel: [24385902.000001] [UFW ALLOW] IN=eth0 OUT= MAC=52:54:00:7c:d8:0f:fe:54:00:7c:d8:0f:08:00 SRC=203.0.113.15 DST=198.51.100.129 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=1 DF PROTO=TCP SPT=40000 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0",
                "2024-05-01T12:00:00.123456+02:00 fw kernel: nft-drop: IN=wan0 OUT= MAC=aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:86:dd SRC=2001:db8::66 DST=2001:db8:1::1 LEN=104 TC=0 HOPLIMIT=58 FLOWLBL=0 PROTO=ICMPv6 TYPE=128 CODE=0 ID=1 SEQ=1",
                "May  1 12:00:01 fw kernel: [ 1234.567890] FINAL_REJECT: IN=ens3 OUT= MAC= SRC=192.0.2.77 DST=192.0.2.1 LEN=44 TOS=0x00 PREC=0x00 TTL=41 ID=54321 PROTO=TCP SPT=33000 DPT=3389 WINDOW=1024 RES=0x00 SYN URGP=0",
                "May  1 12:00:02 fw kernel: [ 1234.600000] OUTPUT: IN= OUT=ens3 SRC=192.0.2.1 DST=192.0.2.200 LEN=40 TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=TCP SPT=22 DPT=41000 WINDOW=0 RES=0x00 ACK RST URGP=0",
                "May  1 12:00:03 fw kernel: [ 1234.700000] usb 1-1: new high-speed USB device number 2 using ehci-pci",
                "May  1 12:00:04 fw sshd[12]: Accepted publickey for admin from 192.0.2.9 port 2222 ssh2");
        assertThat(run.malformed).isEmpty();
        assertThat(run.ignoredLines).containsExactly(6L, 7L);
        assertThat(run.events).extracting(Event::outcome).containsExactly(Outcome.BLOCKED, Outcome.ALLOWED,
                Outcome.BLOCKED, Outcome.BLOCKED, Outcome.BLOCKED);
        assertThat(run.events).extracting(e -> packet(e).prefix()).containsExactly("[UFW BLOCK]", "[UFW ALLOW]",
                "nft-drop:", "FINAL_REJECT:", "OUTPUT:");
        Event icmp = run.events.get(2);
        assertThat(icmp.protocol()).isEqualTo(Protocol.ICMP);
        assertThat(icmp.source()).isEqualTo(IpAddress.parse("2001:db8::66"));
        assertThat(icmp.sourcePort()).isEqualTo(-1);
        assertThat(icmp.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli());
        Event outbound = run.events.get(4);
        assertThat(packet(outbound).inInterface()).isNull();
        assertThat(packet(outbound).tcpFlags()).isEqualTo("ACK RST");
        assertThat(run.events).noneMatch(Event::handshake);
    }

    @Test
    void verdictWordsInPrefixes() {
        assertThat(FirewallVerdict.of("[UFW BLOCK]")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("IPTABLES:BLOCKED-CONN:")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("filter_IN_public_REJECT:")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("[nftables] Dropped: ")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("policy DROP:")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("Denied-by-policy")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("[UFW ALLOW]")).isEqualTo(Outcome.ALLOWED);
        assertThat(FirewallVerdict.of("ACCEPT:")).isEqualTo(Outcome.ALLOWED);
        assertThat(FirewallVerdict.of("nft-accept-ssh")).isEqualTo(Outcome.ALLOWED);
        assertThat(FirewallVerdict.of("[UFW AUDIT]")).isEqualTo(Outcome.OTHER);
        assertThat(FirewallVerdict.of("[UFW AUDIT INVALID] BLOCK")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("")).isEqualTo(Outcome.BLOCKED);
        assertThat(FirewallVerdict.of("INPUT:")).isEqualTo(Outcome.BLOCKED);
    }
}
