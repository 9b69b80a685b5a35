package org.hotline.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.DetectorContract;
import org.hotline.detect.DetectorSettings;
import org.hotline.detect.DetectorSpec;
import org.hotline.detect.Detectors;
import org.hotline.detect.FixtureEvents;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

/**
 * Port scans on real firewall and flow records: an iptables log that is all backscatter
 * (dunneja/py-fw-log), and Zeek baselines with refused and with established connections.
 */
class PortScanDetectorTest implements DetectorContract {

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("port-scan");
    }

    @Override
    public List<Event> fixture() {
        List<Event> all = new ArrayList<>(FixtureEvents.netfilter());
        all.addAll(FixtureEvents.zeekPop3());
        all.addAll(FixtureEvents.zeekFtp());
        return all;
    }

    /** The only real sweep at hand touches two hosts. */
    @Override
    public DetectorSettings settings() {
        return spec().defaults().with("hosts", "2");
    }

    private static List<Attack> run(List<Event> events, DetectorSettings settings) {
        PortScanDetector d = new PortScanDetector(settings);
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    @Test
    void backscatterIsNotAScan() {
        // iptables.log: grep -c 'ACK SYN' -> 1180, grep -c 'ACK RST' -> 2, of 1182 lines: every packet
        // answers a connection nobody here opened (SYN-ACKs from source port 23456), so no sender scans.
        List<Event> packets = FixtureEvents.netfilter();
        assertThat(packets).hasSize(1182);
        DetectorSettings lowest = spec().defaults().with("ports", "2").with("hosts", "2");
        assertThat(run(packets, lowest)).isEmpty();
    }

    @Test
    void withoutItsFlagsTheSameBackscatterWouldLookLikeScans() {
        // The control for the test above: the flags are what keeps these out. The backscatter is slow
        // (at most 4 packets in 5 minutes per source), but per day it reaches many ports:
        // awk '{for(i=1;i<=NF;i++){if($i~/^SRC=/)s=substr($i,5); if($i~/^DPT=/)d=substr($i,5)};
        //   print s, $1" "$2, d}' iptables.log | sort -u | awk '{c[$1" "$2" "$3]++} END {for (k in c) print c[k], k}'
        // -> 40.119.104.0 hits 153 ports on Dec 12; 40.119.104.0, 40.119.108.0 and 40.87.188.0 each pass
        // 15 distinct ports on four days.
        List<Event> flagless = FixtureEvents.netfilter().stream().map(PortScanDetectorTest::withoutFlags).toList();
        assertThat(run(flagless, spec().defaults().with("window", "5m"))).as("never 15 ports in 5 minutes").isEmpty();
        List<Attack> attacks = run(flagless, spec().defaults().with("window", "1d"));
        assertThat(attacks).extracting(a -> a.source().toString())
                .containsOnly("40.119.104.0", "40.87.188.0", "40.119.108.0");
        assertThat(attacks).allSatisfy(a -> {
            assertThat(a.signature()).isEqualTo("vertical port scan");
            assertThat(a.target()).isEqualTo("10.0.0.4");
            assertThat(a.verification()).isEqualTo(Verification.UNVERIFIED);
        });
    }

    @Test
    void refusedConnectionsToOnePortOnTwoHostsAreAHorizontalSweep() {
        // pop3.basic/conn.log: awk -F'\t' '$12 == "REJ"' -> lines 10-15, 192.168.0.4 refused on port 110 by
        // 212.227.15.188 and 212.227.15.171 (three times each); the SF sessions with .166 are not probes.
        List<Attack> attacks = run(FixtureEvents.zeekPop3(), settings());
        assertThat(attacks).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AttackType.PORT_SCAN);
            assertThat(a.signature()).isEqualTo("horizontal port scan");
            assertThat(a.source()).isEqualTo(IpAddress.parse("192.168.0.4"));
            assertThat(a.target()).isEqualTo("port 110/tcp");
            assertThat(a.events()).isEqualTo(6);
            assertThat(a.firstSeen()).isEqualTo(Event.NO_TIME);
            assertThat(a.evidence()).extracting(InputPosition::line).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
            assertThat(a.verification()).isEqualTo(Verification.UNVERIFIED);
        });
        assertThat(run(FixtureEvents.zeekPop3(), spec().defaults())).as("two hosts are not 25").isEmpty();
    }

    @Test
    void establishedConnectionsAreNotProbes() {
        // ftp-ipv4/conn.log: every record is SF, including passive data connections to ports 56666 and
        // 56667 and the server's active data connections, which must not add up to a scan.
        assertThat(FixtureEvents.zeekFtp()).extracting(e -> e.detail(EventDetail.Connection.class).state()).containsOnly("SF");
        assertThat(run(FixtureEvents.zeekFtp(), spec().defaults().with("ports", "2").with("hosts", "2"))).isEmpty();
    }

    @Test
    void fifteenDistinctPortsMakeAVerticalScanFourteenDoNot() {
        assertThat(run(synPackets(14), spec().defaults())).isEmpty();
        assertThat(run(synPackets(15), spec().defaults())).singleElement().satisfies(a -> {
            assertThat(a.signature()).isEqualTo("vertical port scan");
            assertThat(a.target()).isEqualTo("198.51.100.7");
            assertThat(a.events()).isEqualTo(15);
        });
        // The same port again and again is one port.
        List<Event> samePort = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samePort.add(syn(i, 22));
        }
        assertThat(run(samePort, spec().defaults())).isEmpty();
    }

    /** SYN packets from a documentation address to ports 1..n of another, one second apart. */
    private static List<Event> synPackets(int n) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(syn(i, i + 1));
        }
        return events;
    }

    private static Event syn(int i, int port) {
        return new Event(1_700_000_000_000L + i * 1000L, IpAddress.parse("192.0.2.1"), 40000 + i,
                IpAddress.parse("198.51.100.7"), port, Protocol.TCP, null, Outcome.BLOCKED, 60, false,
                new InputPosition("ufw.log", i + 1), new EventDetail.FirewallPacket("[UFW BLOCK]", "eth0", "SYN"));
    }

    private static Event withoutFlags(Event e) {
        EventDetail.FirewallPacket p = e.detail(EventDetail.FirewallPacket.class);
        return new Event(e.time(), e.source(), e.sourcePort(), e.destination(), e.destinationPort(), e.protocol(),
                e.service(), e.outcome(), e.bytes(), e.handshake(), e.position(),
                new EventDetail.FirewallPacket(p.prefix(), p.inInterface(), null));
    }
}
