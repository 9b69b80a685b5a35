package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.junit.jupiter.api.Test;

/**
 * The report of the fixtures, checked against counts made with awk on the fixture files (commands
 * in the comments; A = accesslog/apache-1000.log, O = origins.tsv, Z = zeek/opt.basic_conn.log).
 * Attack sources in A: 15 (awk: sources with a 404, or with >= 20 requests), one of which,
 * 65.55.213.73 (58 requests, no 404), plays the Tor exit.
 */
class OriginReportBuilderTest {
    private final OriginReport report = FixtureReport.build();
    private final AttacksSection attacks = report.attacks();

    @Test
    void originCountsOnlyVerifiedRoutableNonTorSourcesWithItsDenominators() {
        // awk '{n[$1]++; if($9==404) f[$1]++} END{for(ip in n){e=0; if(f[ip]>0) e+=f[ip]; if(n[ip]>=20) e+=n[ip];
        //      if(e>0) print ip, e}}' A  -> 15 sources; without the Tor one: 14 sources, 313 attack events
        assertThat(attacks.origin().sources()).isEqualTo(14);
        assertThat(attacks.origin().events()).isEqualTo(313);
        // 19 attacks in A (awk: sources with a 404 + sources with >= 20 lines), less the Tor source's flood
        assertThat(attacks.origin().attacks()).isEqualTo(18);
        // bytes of those events ("-" counted as unknown): 14,150,168
        assertThat(attacks.origin().bytes()).isEqualTo(14_150_168L);
        assertThat(attacks.byCountry().stream().mapToLong(CountryRow::sources).sum()).isEqualTo(14);
    }

    @Test
    void aCountryRowCarriesSharesSpreadConcentrationAndItsExclusions() {
        CountryRow us = row("US");
        // join with O: 7 US sources (8 with the Tor one), 115 attack events, 1,488,973 bytes
        assertThat(us.sources()).isEqualTo(7);
        assertThat(us.events()).isEqualTo(115);
        assertThat(us.bytes()).isEqualTo(1_488_973L);
        assertThat(us.sourcesPercent()).isEqualTo(50.0);          // 7 / 14
        assertThat(us.eventsPercent()).isEqualTo(36.74);          // 115 / 313
        assertThat(us.bytesPercent()).isEqualTo(10.52);           // 1,488,973 / 14,150,168
        // 66.249.73.135 makes 39 of the 115 events (A: 39 requests, no 404)
        assertThat(us.topSource()).isEqualTo("66.249.73.135");
        assertThat(us.concentration()).isEqualTo(33.91);
        // evidence rows, busiest first: 66.249.73.135 (39), 65.55.213.74 (27), 208.115.111.72 (22), ...
        assertThat(us.topAddresses()).hasSize(CountryRow.TOP_ADDRESSES).extracting(CountryRow.Address::address)
                .startsWith("66.249.73.135", "65.55.213.74", "208.115.111.72");
        assertThat(us.topAddresses().get(0).firstSeen()).isNotNull();
        // O: ASNs 8075, 15169 (two addresses, one /24), 8560, 22781, 23286, 23033
        assertThat(us.asns()).isEqualTo(6);
        assertThat(us.networks()).isEqualTo(6);
        assertThat(us.topAsns().get(0)).isEqualTo(new CountryRow.AsnCount(15169L, "Google LLC", 2, 40));
        assertThat(us.torSources()).isEqualTo(1);
        assertThat(us.torPercent()).isEqualTo(12.5);               // 1 of 8 verified US sources
        assertThat(us.confidence()).isEqualTo("medium");
        assertThat(us.firstSeen()).isNotNull();
        assertThat(attacks.byCountry().get(0).country()).isEqualTo("US");
    }

    @Test
    void rowsRestingOnOneAddressAreGradedLowWithTheReason() {
        CountryRow cn = row("CN");
        // A: 111.199.235.239 is the only Chinese attacking source (37 requests + 2 404s = 39 events)
        assertThat(cn.sources()).isEqualTo(1);
        assertThat(cn.events()).isEqualTo(39);
        assertThat(cn.concentration()).isEqualTo(100.0);
        assertThat(cn.confidence()).isEqualTo("low");
        assertThat(cn.confidenceReasons()).contains("rests on 1 address (fewer than 3)");
    }

    @Test
    void torTrafficIsReportedAsAnonymisedAndNeverInTheOriginShare() {
        assertThat(attacks.anonymised().sources()).isEqualTo(1);
        assertThat(attacks.anonymised().events()).isEqualTo(58);
        assertThat(attacks.anonymised().byCountry()).extracting(CountryCount::country).containsExactly("US");
        assertThat(attacks.byAsn()).noneMatch(r -> "65.55.213.73".equals(r.topSource()));
        assertThat(report.caveats().shares().tor()).isEqualTo(new Caveats.Share(1, 24, 4.17));
    }

    @Test
    void unverifiedAndReflectedSourcesHaveTheirOwnTables() {
        // Z, connections without a handshake: UDP from 5353/137 (amplifier ports) -> reflected:
        // 141.142.220.202, .44, .50, .226 and fe80::217:f2ff:fed7:cf65, one event each
        assertThat(attacks.reflected().sources()).isEqualTo(5);
        assertThat(attacks.reflected().events()).isEqualTo(5);
        assertThat(byCode(attacks.reflected().byCountry()).get("US").sources()).isEqualTo(4);
        assertThat(byCode(attacks.reflected().byCountry()).get(null).sources()).isEqualTo(1);
        // the rest (TCP OTH, UDP from other ports): .118 (15), .226 (2), .235, .238, fe80::3074 (2) = 21 events
        assertThat(attacks.unverified().sources()).isEqualTo(5);
        assertThat(attacks.unverified().events()).isEqualTo(21);
        assertThat(byCode(attacks.unverified().byCountry()).get("US").eventsPercent()).isEqualTo(90.48); // 19 / 21
        // none of them is in the origin table, which has only access-log sources
        assertThat(attacks.byCountry().stream().mapToLong(CountryRow::events).sum()).isEqualTo(313);
        // 9 distinct Zeek sources attacked without ever completing a handshake, of 24 attacking sources
        assertThat(report.caveats().shares().spoofable()).isEqualTo(new Caveats.Share(9, 24, 37.5));
        assertThat(report.caveats().shares().nonRoutable()).isEqualTo(new Caveats.Share(2, 24, 8.33));
    }

    @Test
    void anUnlocatedVerifiedSourceIsANullCountryRowInsideTheDenominator() {
        IpAddress unlocated = IpAddress.parse("208.93.0.48");   // O: no country, no ASN
        Attack probe = new Attack(AttackType.WEB_EXPLOIT, "probe", unlocated, FixtureAttacks.WEB,
                1431857103000L, 1431857103000L, 2, 100, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 7)));
        OriginReport r = OriginReportBuilder.build(FixtureReport.input(List.of(probe)));
        CountryRow none = byCode(r.attacks().byCountry(), CountryRow::country).get(null);
        assertThat(none.sources()).isEqualTo(1);
        assertThat(none.sourcesPercent()).isEqualTo(6.67);     // 1 of 15
        assertThat(none.confidence()).isEqualTo("low");
        assertThat(r.attacks().origin().sources()).isEqualTo(15);
        assertThat(r.caveats().shares().unknownCountry().sources()).isEqualTo(1);
    }

    @Test
    void aVerifiedPrivateSourceGoesToTheNonRoutableTableNotToAnyCountry() {
        // 192.168.1.31 appears in the Zeek ssh baseline as a LAN host; here it completes a login attempt.
        IpAddress lan = IpAddress.parse("192.168.1.31");
        Attack login = new Attack(AttackType.BRUTE_FORCE, "ssh password guessing", lan, "ssh", 1431857103000L,
                1431857163000L, 6, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("auth.log", 12)));
        OriginReport r = OriginReportBuilder.build(FixtureReport.input(List.of(login)));
        assertThat(r.attacks().nonRoutable().sources()).isEqualTo(1);
        assertThat(r.attacks().nonRoutable().events()).isEqualTo(6);
        assertThat(r.attacks().nonRoutable().bytes()).isNull();
        assertThat(r.attacks().origin().sources()).isEqualTo(14);
        assertThat(r.attacks().byCountry()).noneMatch(c -> c.country() == null);
        assertThat(r.caveats().shares().nonRoutable()).isEqualTo(new Caveats.Share(3, 25, 12.0));
    }

    @Test
    void allEventsByCountryCountEveryParsedEventWithASource() {
        EventsSection e = report.events();
        // 1,000 access-log lines + 34 Zeek connections, all with a source; 229 distinct sources (= rows of O)
        assertThat(e.total()).isEqualTo(1034);
        assertThat(e.withoutSource()).isZero();
        assertThat(e.sources()).isEqualTo(229);
        // awk with O: US has 445 events from 97 sources in A and 31 events from 7 sources in Z
        CountryCount us = byCode(e.byCountry()).get("US");
        assertThat(us.events()).isEqualTo(476);
        assertThat(us.sources()).isEqualTo(104);
        // unlocated: 208.93.0.48 and the two fe80:: addresses
        assertThat(byCode(e.byCountry()).get(null).sources()).isEqualTo(3);
        // sizes: 964 lines of A and 28 of Z (orig_bytes not "-") have one
        assertThat(e.eventsWithBytes()).isEqualTo(992);
        assertThat(e.sourcesByVerification().handshake()).isEqualTo(221);  // 220 web clients + 141.142.220.118
    }

    @Test
    void typesTargetsTimeAndTopSourcesDescribeAllAttacks() {
        assertThat(attacks.total().attacks()).isEqualTo(29);    // 19 in A + 10 in Z
        assertThat(attacks.total().sources()).isEqualTo(24);
        Map<String, AttacksSection.TypeRow> types = attacks.byType().stream()
                .collect(Collectors.toMap(AttacksSection.TypeRow::type, t -> t));
        assertThat(types.get("port-scan").attacks()).isEqualTo(10);
        assertThat(types.get("path-scan").sources()).isEqualTo(8);   // awk '$9==404{print $1}' A | sort -u | wc -l
        // the Zeek baseline masks times, so its 10 attacks are undated. A's attacks begin (earliest line per
        // attack, awk) in the hours 10 (4), 11 (2), 12 (2), 13 (4), 14 (2), 16 (1), 17 (4): hourly buckets 10..17,
        // the empty 15:00 one included
        assertThat(attacks.overTime().bucket()).isEqualTo("hour");
        assertThat(attacks.overTime().undatedAttacks()).isEqualTo(10);
        assertThat(attacks.overTime().buckets()).extracting(AttacksSection.TimeBucket::attacks)
                .containsExactly(4L, 2L, 2L, 4L, 2L, 0L, 1L, 4L);
        assertThat(attacks.overTime().buckets().get(5).start()).hasToString("2015-05-17T15:00:00Z");
        assertThat(attacks.overTime().buckets().get(5).bytes()).isNull();
        assertThat(attacks.overTime().buckets().stream().mapToLong(AttacksSection.TimeBucket::attacks).sum()).isEqualTo(19);
        SourceRow top = attacks.topSources().get(0);
        assertThat(top.address()).isEqualTo("65.55.213.73");
        assertThat(top.table()).isEqualTo("anonymised");
        assertThat(top.flags()).containsExactly("tor-exit");
        assertThat(top.evidence()).hasSize(SourceRow.MAX_EVIDENCE).allMatch(p -> p.startsWith(Fixtures.APACHE + ":"));
    }

    @Test
    void caveatsStateTheLocationRuleTheDatabasesAndEveryUnit() {
        Caveats c = report.caveats();
        assertThat(c.statements().get(0)).contains("not who the attacker is");
        assertThat(String.join(" ", c.statements())).contains("2a3e609015884c93c2d398e777ce1d2d34cab026054c43559bff32b25669f606");
        assertThat(c.units()).containsKeys("event", "attack", "sources", "networks", "bytes", "percent", "concentration");
        assertThat(c.confidenceGrades()).containsOnlyKeys("high", "medium", "low");
        assertThat(report.warnings()).anyMatch(w -> w.contains("was built 2026-06-17") && w.contains("after the last event"));
    }

    @Test
    void looksUpEachDistinctSourceOnceAndPutsTheCallersWarningsFirst() {
        ReportInput fixture = FixtureReport.input(List.of());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ReportInput counted = new ReportInput(fixture.inputs(), fixture.attacks(), fixture.tally(),
                ip -> {
                    calls.incrementAndGet();
                    return fixture.origins().apply(ip);
                }, fixture.databases(), fixture.run(),
                List.of("WARNING: 12 of 80 public source addresses have no country\nWARNING: and no AS"));
        OriginReport r = OriginReportBuilder.build(counted);
        assertThat(calls.get()).isEqualTo(229);   // the distinct sources of A and Z (rows of O)
        assertThat(r.warnings()).startsWith("WARNING: 12 of 80 public source addresses have no country",
                "WARNING: and no AS");
    }

    @Test
    void resolvingOnTwoThreadsKeepsEachOriginWithItsSourceAndLooksEachUpOnce() {
        // 30,000 sources (above the size that takes the parallel path) plus one IPv6; a made-up
        // lookup whose answer is a function of the address, so every origin can be checked.
        SourceTally tally = new SourceTally();
        for (int i = 0; i < 30_000; i++) {
            tally.accept(new org.hotline.event.Event(0, IpAddress.ofV4(0x0b00_0000 + i * 7919), -1, null, -1,
                    org.hotline.event.Protocol.TCP, "http", org.hotline.event.Outcome.REQUEST, -1, true,
                    new InputPosition("x", i + 1), null));
        }
        IpAddress v6 = IpAddress.parse("2001:db8::7");
        tally.accept(new org.hotline.event.Event(0, v6, -1, null, -1, org.hotline.event.Protocol.TCP, "http",
                org.hotline.event.Outcome.REQUEST, -1, true, new InputPosition("x", 30_001), null));
        Function<IpAddress, org.hotline.enrich.Origin> madeUp = ip -> org.hotline.enrich.Origin.UNKNOWN
                .withAsn(ip.hashCode() & 0xffff, null);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        IpAddress attacker = IpAddress.ofV4(0x0b00_0000 + 12_345 * 7919);
        IpAddress outsider = IpAddress.parse("192.0.2.1");   // attacks, but no tallied event has it
        List<Attack> attacks = List.of(attack(attacker), attack(v6), attack(attacker), attack(outsider));

        SourceOrigins origins = OriginReportBuilder.resolve(tally, attacks, ip -> {
            calls.incrementAndGet();
            return madeUp.apply(ip);
        }, 2);

        assertThat(calls.get()).isEqualTo(30_001 + 1);
        List<org.hotline.enrich.Origin> all = origins.all();
        assertThat(all).hasSize(30_001);
        int[] i = {0};
        tally.forEachSource(s -> assertThat(all.get(i[0]++)).as(s.source().toString()).isEqualTo(madeUp.apply(s.source())));
        assertThat(origins.attackers()).containsOnlyKeys(attacker, v6, outsider)
                .containsEntry(attacker, madeUp.apply(attacker)).containsEntry(v6, madeUp.apply(v6))
                .containsEntry(outsider, madeUp.apply(outsider));
        // The same origins in lookup order: IPv4 by number, then IPv6.
        List<org.hotline.enrich.Origin> byAddress = new java.util.ArrayList<>();
        java.util.stream.IntStream.range(0, 30_000).mapToLong(k -> 0x0b00_0000L + k * 7919L).sorted()
                .forEach(bits -> byAddress.add(madeUp.apply(IpAddress.ofV4((int) bits))));
        byAddress.add(madeUp.apply(v6));
        assertThat(origins.inLookupOrder()).containsExactlyElementsOf(byAddress);
    }

    private static Attack attack(IpAddress source) {
        return new Attack(AttackType.WEB_EXPLOIT, "probe", source, FixtureAttacks.WEB, 1431857103000L, 1431857103000L,
                1, 100, -1, Verification.HANDSHAKE, List.of(new InputPosition("A", 7)));
    }

    private CountryRow row(String code) {
        return byCode(attacks.byCountry(), CountryRow::country).get(code);
    }

    private static Map<String, CountryCount> byCode(List<CountryCount> rows) {
        return byCode(rows, CountryCount::country);
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> key) {
        Map<String, T> m = new java.util.HashMap<>();
        rows.forEach(r -> m.put(key.apply(r), r));
        return m;
    }
}
