package org.hotline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hotline.aggregate.Aggregator;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.parse.ParseRun;
import org.hotline.parse.Parsers;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real parsers over the real fixtures committed with them
 * ({@code src/test/resources/parse/...}), then the detectors with their defaults. Expected numbers
 * come from grep and awk on the fixture files, quoted with each test. The parsers read year-less
 * syslog with {@link ParseRun#REFERENCE_TIME} (2030-01-01), so February lines fall in 2029.
 */
class DetectorsOnParsedFixturesTest {

    private static List<Attack> detect(String format, String fixture, String detector) {
        ParseRun run = ParseRun.file(Parsers.byName(format), ParseRun.resource("parse/" + fixture));
        assertThat(run.malformed).as(fixture).isEmpty();
        DetectorSpec spec = Detectors.byName(detector);
        Detector d = spec.create(spec.defaults());
        run.events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static List<Long> lines(Attack a) {
        return a.evidence().stream().map(InputPosition::line).toList();
    }

    @Test
    void sshBruteForceInTheWholeRhel7Log() {
        // F=sshd/elastic-beats-secure-rhel7.log (1,000 lines); the lines the sshd parser calls failed logins:
        // grep -E 'sshd\[[0-9]+\]: (Failed |Invalid user )' $F | grep -oE 'from [0-9.]+' | sort | uniq -c
        //   -> 61 from 116.31.116.27, 213 from 202.109.143.106, 78 from 223.99.60.46
        // ... | grep 'from <ip> ' | awk '{print $3}' | sed -n '1p;$p' -> first and last time;
        // grep -n ... | grep 'from <ip> ' | head -10 | cut -d: -f1 -> evidence lines.
        // Each source guesses without a ten-minute pause, so each is one attack.
        List<Attack> attacks = detect("sshd", "sshd/elastic-beats-secure-rhel7.log", "brute-force");
        assertThat(attacks).extracting(a -> a.source().toString())
                .containsExactly("116.31.116.27", "202.109.143.106", "223.99.60.46");
        assertThat(attacks).extracting(Attack::events).containsExactly(61L, 213L, 78L);
        assertThat(attacks).extracting(Attack::firstSeen)
                .containsExactly(at("2029-02-22T16:45:57Z"), at("2029-02-22T16:45:20Z"), at("2029-02-22T16:59:17Z"));
        assertThat(attacks).extracting(Attack::lastSeen)
                .containsExactly(at("2029-02-22T17:04:41Z"), at("2029-02-22T17:04:48Z"), at("2029-02-22T17:04:44Z"));
        assertThat(lines(attacks.get(0))).containsExactly(29L, 33L, 37L, 76L, 78L, 80L, 107L, 111L, 121L, 156L);
        assertThat(lines(attacks.get(1))).containsExactly(1L, 3L, 5L, 11L, 13L, 15L, 17L, 19L, 27L, 31L);
        assertThat(lines(attacks.get(2))).containsExactly(555L, 559L, 565L, 569L, 573L, 579L, 585L, 587L, 589L, 591L);
        assertThat(attacks).allSatisfy(a -> assertThat(a.signature()).isEqualTo("ssh failed logins"));
    }

    @Test
    void theApacheLogHasProbesAndOneCrawlerButNoFlood() {
        // F=combined/elastic-apache-access.log.gz, 10,000 lines:
        // zcat $F | awk '$9 >= 400 && tolower($7) ~ /wp-login|wp-admin|\/administrator|\/admin\.php|fckeditor/'
        //   -> 53 lines from 35 sources; no payloads or scanner agents (see WebExploitDetectorTest).
        List<Attack> exploits = detect("combined", "combined/elastic-apache-access.log.gz", "web-exploit");
        assertThat(exploits.stream().mapToLong(Attack::events).sum()).isEqualTo(53);
        assertThat(exploits.stream().map(Attack::source).distinct().count()).isEqualTo(35);
        // The one source with 10 distinct missing paths in a minute (see PathScanDetectorTest): 14 requests.
        assertThat(detect("combined", "combined/elastic-apache-access.log.gz", "path-scan")).singleElement()
                .satisfies(a -> {
                    assertThat(a.source()).isEqualTo(IpAddress.parse("144.76.95.39"));
                    assertThat(a.events()).isEqualTo(14);
                });
        // Busiest source-minute: 108 requests, far below 600.
        assertThat(detect("combined", "combined/elastic-apache-access.log.gz", "request-flood")).isEmpty();
    }

    @Test
    void niktoProbingIsAPathScanAndItsFileInclusionTestsAreExploits() {
        // F=common/crowdsec-apache-http-probing.log: 77 requests from 172.17.0.1 in one second, all 404/400;
        // awk '{split($7,p,"?"); print p[1]}' $F | sort -u | wc -l -> 67 distinct paths;
        // grep -c 'cirt.net/rfiinc.txt' $F -> 77 (Nikto's remote-file-inclusion test file).
        assertThat(detect("common", "common/crowdsec-apache-http-probing.log", "path-scan")).singleElement()
                .satisfies(a -> {
                    assertThat(a.source()).isEqualTo(IpAddress.parse("172.17.0.1"));
                    assertThat(a.events()).isEqualTo(77);
                });
        assertThat(detect("common", "common/crowdsec-apache-http-probing.log", "web-exploit")).singleElement()
                .satisfies(a -> {
                    assertThat(a.signature()).isEqualTo("scanner: nikto remote file inclusion test");
                    assertThat(a.events()).isEqualTo(77);
                });
    }

    @Test
    void portScansInFirewallLogs() {
        // F=netfilter/crowdsec-iptables-scan-multi-port.log (49 lines, all at 10:09:23):
        // grep SRC=62.34.17.168 $F | grep -o 'DPT=[^ ]*' | sort -u | wc -l -> 17 SYNs to 17 ports of 10.73.140.49;
        // grep SRC=127.0.0.2 $F -> 16 [UFW BLOCK] lines to 16 ports of 127.0.0.53 (lines 34-49);
        // grep SRC=127.0.0.1 $F -> 16 [UFW AUDIT] lines, which say nothing about a verdict: not counted.
        List<Attack> attacks = detect("netfilter", "netfilter/crowdsec-iptables-scan-multi-port.log", "port-scan");
        assertThat(attacks).hasSize(2).allSatisfy(a -> assertThat(a.signature()).isEqualTo("vertical port scan"));
        assertThat(attacks.get(0)).satisfies(a -> {
            assertThat(a.source()).isEqualTo(IpAddress.parse("62.34.17.168"));
            assertThat(a.target()).isEqualTo("10.73.140.49");
            assertThat(a.events()).isEqualTo(17);
            assertThat(lines(a)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        });
        assertThat(attacks.get(1)).satisfies(a -> {
            assertThat(a.source()).isEqualTo(IpAddress.parse("127.0.0.2"));
            assertThat(a.events()).isEqualTo(16);
            assertThat(lines(a).get(0)).isEqualTo(34L);
        });
        // netfilter/dunneja-iptables.log: 1,180 'ACK SYN' and 2 'ACK RST' lines, all backscatter.
        assertThat(detect("netfilter", "netfilter/dunneja-iptables.log", "port-scan")).isEmpty();
    }

    @Test
    void idsAlertsFromTheParserMatchTheFieldTables() {
        // The same 44 alerts, once through EveJsonParser and once from the table derive.py cut out of
        // them: the detector must see the same thing (positions aside: the file names differ).
        List<Attack> parsed = detect("suricata-eve", "suricata-eve/suricata-sample-data-honeypot-2018.eve.ndjson", "ids");
        IdsAlertDetectorRun tables = new IdsAlertDetectorRun();
        assertThat(parsed).hasSize(44);
        assertThat(parsed.stream().map(DetectorsOnParsedFixturesTest::withoutFile).toList())
                .isEqualTo(tables.attacks().stream().map(DetectorsOnParsedFixturesTest::withoutFile).toList());
    }

    /** The ids detector over {@link FixtureEvents#suricataAlerts()}. */
    private static final class IdsAlertDetectorRun {
        List<Attack> attacks() {
            DetectorSpec spec = Detectors.byName("ids");
            Detector d = spec.create(spec.defaults());
            FixtureEvents.suricataAlerts().forEach(d::accept);
            List<Attack> attacks = new ArrayList<>();
            d.finish(attacks::add);
            return attacks;
        }
    }

    private static String withoutFile(Attack a) {
        return a.type() + " " + a.signature() + " " + a.source() + " " + a.target() + " " + a.firstSeen() + " "
                + a.lastSeen() + " " + a.events() + " " + a.severity() + " " + lines(a);
    }

    @Test
    void honeypotVisitsOfTheCowrieSample() {
        // cowrie/cowrie-synthetic-sessions.json: grep -o '"src_ip": "[^"]*"' | sort | uniq -c
        // -> the three sources of its sessions, each one attack.
        assertThat(detect("cowrie", "cowrie/cowrie-synthetic-sessions.json", "honeypot"))
                .extracting(a -> a.source().toString())
                .containsExactly("198.51.100.44", "203.0.113.7", "2001:db8::5");
    }

    @Test
    void thePipelineWithTwoWorkersFindsWhatOneInstanceFindsInOrder() {
        List<String> fixtures = List.of("sshd/elastic-beats-secure-rhel7.log", "combined/elastic-apache-access.log.gz",
                "netfilter/crowdsec-iptables-scan-multi-port.log", "netfilter/dunneja-iptables.log",
                "common/crowdsec-apache-http-probing.log", "suricata-eve/suricata-sample-data-honeypot-2018.eve.ndjson",
                "suricata-eve/suricata-sample-data-first-org-conf-2015.eve.ndjson", "cowrie/cowrie-synthetic-sessions.json");
        List<String> paths = fixtures.stream().map(f -> ParseRun.resource("parse/" + f)).map(Path::toString).toList();
        List<Event> inOrder = new ArrayList<>();
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 2029, ZoneOffset.UTC, 2), DetectionPlan.defaults(),
                NoAggregate::new, inOrder::addAll, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        Pipeline.Result result = pipeline.run(Sources.expand(paths));

        List<Detector> single = DetectionPlan.defaults().get();
        inOrder.forEach(e -> single.forEach(d -> d.accept(e)));
        List<Attack> expected = new ArrayList<>();
        single.forEach(d -> d.finish(expected::add));
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(result.attacks()).isEqualTo(expected);
    }

    /** The aggregation stage is not under test here. */
    private static final class NoAggregate implements Aggregator {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void mergeFrom(Aggregator other) {
        }
    }
}
