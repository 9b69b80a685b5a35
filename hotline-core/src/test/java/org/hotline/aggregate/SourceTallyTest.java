package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

class SourceTallyTest {

    @Test
    void countsEveryEventPerSourceWithBytesWhereKnown() {
        SourceTally tally = new SourceTally();
        Fixtures.apache().forEach(tally::accept);
        Map<IpAddress, SourceTotals> bySource = collect(tally);
        // awk '{print $1}' apache-1000.log | sort -u | wc -l  -> 220
        assertThat(tally.distinctSources()).isEqualTo(220);
        // awk '$1=="65.55.213.73"' apache-1000.log | wc -l -> 58; none logs "-"; awk '{s+=$10} END{print s}' -> 821775
        SourceTotals bing = bySource.get(IpAddress.parse("65.55.213.73"));
        assertThat(bing.events()).isEqualTo(58);
        assertThat(bing.bytes()).isEqualTo(821_775);
        assertThat(bing.verification()).isEqualTo(Verification.HANDSHAKE);
        // 1000 lines, 36 of which log "-" for the size: awk '$10=="-"' | wc -l
        assertThat(tally.eventsWithBytes()).isEqualTo(964);
        assertThat(tally.eventsWithoutSource()).isZero();
        // earliest and latest request of 83.149.9.216, which the log does not write in order:
        // grep "^83.149.9.216 " apache-1000.log | awk '{print $4}' | sort | sed -n "1p;$p"
        SourceTotals first = bySource.get(IpAddress.parse("83.149.9.216"));
        assertThat(java.time.Instant.ofEpochMilli(first.firstSeen())).hasToString("2015-05-17T10:05:00Z");
        assertThat(java.time.Instant.ofEpochMilli(first.lastSeen())).hasToString("2015-05-17T10:05:59Z");
    }

    @Test
    void sourcesAreResolvedIpv4InNumericOrderThenIpv6() {
        // The fixture's 220 IPv4 sources, plus addresses whose first bit is set (a signed sort
        // would put them first) and IPv6 ones, which go after the IPv4 addresses.
        SourceTally tally = new SourceTally();
        Fixtures.apache().forEach(tally::accept);
        List<IpAddress> extra = List.of(IpAddress.parse("255.255.255.254"), IpAddress.parse("128.0.0.1"),
                IpAddress.parse("0.0.0.9"), IpAddress.parse("2001:db8::1"), IpAddress.parse("::1"));
        for (IpAddress ip : extra) {
            tally.accept(new Event(0, ip, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, -1, true,
                    new InputPosition("x", 1), null));
        }
        IpAddress[] sources = tally.addresses();
        List<IpAddress> ordered = java.util.Arrays.stream(OriginReportBuilder.addressOrder(sources)).mapToObj(i -> sources[i]).toList();

        assertThat(ordered).hasSize(225).doesNotHaveDuplicates().containsAll(collect(tally).keySet());
        List<IpAddress> v4 = ordered.subList(0, 223);
        assertThat(v4).allMatch(IpAddress::isV4).isSorted();
        assertThat(v4.get(0)).isEqualTo(IpAddress.parse("0.0.0.9"));
        assertThat(v4.get(222)).isEqualTo(IpAddress.parse("255.255.255.254"));
        assertThat(ordered.subList(223, 225)).containsExactlyInAnyOrder(IpAddress.parse("2001:db8::1"), IpAddress.parse("::1"));
    }

    @Test
    void manyMoreSourcesThanTheFrontTableHoldsAreCountedAsAMapCountsThem() {
        // 20,000 sources, each coming back at random intervals: the front table folds into the big
        // one many times, mid-run; every total must be what a plain map of the same events says.
        java.util.Random random = new java.util.Random(9);
        SourceTally tally = new SourceTally();
        Map<IpAddress, long[]> model = new HashMap<>();   // events, bytes, first, last
        for (int i = 0; i < 200_000; i++) {
            IpAddress ip = IpAddress.ofV4(0x0B00_0000 | random.nextInt(20_000));
            long time = 1_000_000L + random.nextInt(1_000_000);
            long bytes = random.nextInt(10) == 0 ? -1 : random.nextInt(5_000);
            tally.accept(new Event(time, ip, -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, bytes, true,
                    new InputPosition("x", i + 1), null));
            long[] m = model.computeIfAbsent(ip, k -> new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE});
            m[0]++;
            if (bytes >= 0) {
                m[1] = Math.max(m[1], 0) + bytes;
            }
            m[2] = Math.min(m[2], time);
            m[3] = Math.max(m[3], time);
        }
        Map<IpAddress, SourceTotals> counted = collect(tally);
        assertThat(tally.distinctSources()).isEqualTo(model.size()).isGreaterThan(4 * SourceTally.FRONT_SLOTS);
        model.forEach((ip, m) -> {
            SourceTotals t = counted.get(ip);
            assertThat(new long[] {t.events(), t.bytes(), t.firstSeen(), t.lastSeen()}).as("%s", ip).containsExactly(m);
        });
    }

    @Test
    void mergingPartsGivesTheSameTallyWhateverTheSplit() {
        List<Event> events = new java.util.ArrayList<>(Fixtures.apache());
        events.addAll(Fixtures.zeek());
        SourceTally whole = new SourceTally();
        events.forEach(whole::accept);
        SourceTally odd = new SourceTally();
        SourceTally even = new SourceTally();
        for (int i = events.size() - 1; i >= 0; i--) {
            (i % 2 == 0 ? even : odd).accept(events.get(i));
        }
        odd.mergeFrom(even);
        assertThat(collect(odd)).isEqualTo(collect(whole));
        assertThat(odd.eventsWithBytes()).isEqualTo(whole.eventsWithBytes());
    }

    @Test
    void unknownSizesStayUnknownAndTheStrongestVerificationWins() {
        SourceTally tally = new SourceTally();
        IpAddress ip = IpAddress.parse("192.0.2.7");
        tally.accept(udp(ip, 53, -1));          // reflected, size unknown
        assertThat(collect(tally).get(ip).bytes()).isEqualTo(-1);
        assertThat(collect(tally).get(ip).verification()).isEqualTo(Verification.REFLECTED);
        tally.accept(udp(ip, 40000, 120));      // unverified, 120 bytes
        assertThat(collect(tally).get(ip).bytes()).isEqualTo(120);
        assertThat(collect(tally).get(ip).verification()).isEqualTo(Verification.UNVERIFIED);
        tally.accept(new Event(Event.NO_TIME, null, -1, null, -1, Protocol.TCP, null, Outcome.OTHER, -1, false,
                new InputPosition("x", 3), null));
        assertThat(tally.eventsWithoutSource()).isEqualTo(1);
        assertThat(collect(tally).get(ip).firstSeen()).isEqualTo(Event.NO_TIME);
    }

    @Test
    void growsPastItsInitialCapacityWithoutLosingAnySource() {
        SourceTally tally = new SourceTally();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50_000; i++) {
                tally.accept(udp(IpAddress.ofV4(0x0a00_0000 + i * 7), 40000, i));
            }
        }
        assertThat(tally.distinctSources()).isEqualTo(50_000);
        Map<IpAddress, SourceTotals> all = collect(tally);
        assertThat(all.get(IpAddress.ofV4(0x0a00_0000 + 49_999 * 7)).events()).isEqualTo(3);
        assertThat(all.get(IpAddress.ofV4(0x0a00_0000 + 49_999 * 7)).bytes()).isEqualTo(3L * 49_999);
    }

    @Test
    void addingAnotherTallysTotalsIsTheSameAsMergingIt() {
        // Halves of one log counted apart, as the Flink job's subtasks do, then added up from their
        // totals alone: every source's totals and both counts must equal the merge of the halves.
        List<Event> events = Fixtures.apache();
        SourceTally first = new SourceTally();
        SourceTally second = new SourceTally();
        for (int i = 0; i < events.size(); i++) {
            (i % 2 == 0 ? first : second).accept(events.get(i));
        }
        second.accept(udp(null, 53, 40));
        SourceTally merged = new SourceTally();
        merged.mergeFrom(first);
        merged.mergeFrom(second);

        SourceTally added = new SourceTally();
        for (SourceTally part : List.of(first, second)) {
            part.forEachSource(added::add);
            added.addCounts(part.eventsWithoutSource(), part.eventsWithBytes());
        }

        assertThat(collect(added)).isEqualTo(collect(merged)).hasSize(220);
        assertThat(added.eventsWithoutSource()).isEqualTo(merged.eventsWithoutSource()).isEqualTo(1);
        assertThat(added.eventsWithBytes()).isEqualTo(merged.eventsWithBytes()).isEqualTo(965);
    }

    @Test
    void refusesToMergeAnotherKindOfAggregator() {
        assertThatThrownBy(() -> new SourceTally().mergeFrom(new org.hotline.aggregate.Aggregator() {
            @Override
            public void accept(Event event) {}

            @Override
            public void mergeFrom(org.hotline.aggregate.Aggregator other) {}
        })).isInstanceOf(IllegalArgumentException.class);
    }

    private static Event udp(IpAddress source, int port, long bytes) {
        return new Event(Event.NO_TIME, source, port, null, 9, Protocol.UDP, null, Outcome.BLOCKED, bytes, false,
                new InputPosition("x", 1), null);
    }

    static Map<IpAddress, SourceTotals> collect(SourceTally tally) {
        Map<IpAddress, SourceTotals> m = new HashMap<>();
        tally.forEachSource(s -> m.put(s.source(), s));
        return m;
    }
}
