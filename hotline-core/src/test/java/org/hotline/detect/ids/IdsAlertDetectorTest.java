package org.hotline.detect.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.DetectorContract;
import org.hotline.detect.DetectorSpec;
import org.hotline.detect.Detectors;
import org.hotline.detect.FixtureEvents;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;

/** IDS pass-through on the 44 real alerts of the suricata-sample-data honeypot-2018 sample. */
class IdsAlertDetectorTest implements DetectorContract {

    @Override
    public DetectorSpec spec() {
        return Detectors.byName("ids");
    }

    @Override
    public List<Event> fixture() {
        List<Event> all = new ArrayList<>(FixtureEvents.suricataAlerts());
        all.addAll(FixtureEvents.sshd());
        return all;
    }

    private List<Attack> run(List<Event> events, String window) {
        IdsAlertDetector d = new IdsAlertDetector(spec().defaults().with("window", window));
        events.forEach(d::accept);
        List<Attack> attacks = new ArrayList<>();
        d.finish(attacks::add);
        return attacks;
    }

    @Test
    void everyAlertIsPassedThroughWithItsSignatureAndSeverity() {
        // jq -r '[.src_ip, .dest_ip, .alert.signature_id] | @tsv' alerts.eve.ndjson | sort -u | wc -l -> 44:
        // one sample per signature, so one attack per alert; severities: 43 x 2, one 3 (line 10).
        List<Attack> attacks = run(fixture(), "1h");
        assertThat(attacks).hasSize(44).allSatisfy(a -> {
            assertThat(a.type()).isEqualTo(AttackType.IDS_ALERT);
            assertThat(a.events()).isEqualTo(1);
            assertThat(a.severity()).isIn(2, 3);
        });
        assertThat(attacks).filteredOn(a -> a.severity() == 3).singleElement().satisfies(a -> {
            assertThat(a.signature()).isEqualTo(
                    "ET POLICY GNU/Linux APT User-Agent Outbound likely related to package management (sid 2013504)");
            assertThat(a.source()).isEqualTo(IpAddress.parse("138.68.3.71"));
            assertThat(a.target()).isEqualTo("198.199.99.226");
            assertThat(a.evidence()).extracting(InputPosition::line).containsExactly(10L);
        });
        // Line 1: {"timestamp":"2019-01-02T03:50:11.315110", ... "src_ip":"8.42.77.171", ... "dest_ip":"138.68.3.71",
        // ... "signature_id":2001219, ... "signature":"ET SCAN Potential SSH Scan", ... "severity":2}
        assertThat(attacks).filteredOn(a -> a.signature().equals("ET SCAN Potential SSH Scan (sid 2001219)"))
                .singleElement().satisfies(a -> {
                    assertThat(a.source()).isEqualTo(IpAddress.parse("8.42.77.171"));
                    assertThat(a.target()).isEqualTo("138.68.3.71");
                    assertThat(a.severity()).isEqualTo(2);
                    assertThat(a.firstSeen()).isEqualTo(Instant.parse("2019-01-02T03:50:11.315Z").toEpochMilli());
                });
    }

    @Test
    void repeatedAlertsOfOneRuleAreOneAttackWithTheStrongestSeverity() {
        // The SSH-scan alert of line 1 seen again an hour later from the same scanner, with severity 1.
        Event first = FixtureEvents.suricataAlerts().get(0);
        var alert = first.detail(org.hotline.event.EventDetail.IdsAlert.class);
        Event later = new Event(first.time() + 3_600_000L, first.source(), first.sourcePort(), first.destination(),
                first.destinationPort(), first.protocol(), null, first.outcome(), -1, false,
                new InputPosition(first.position().file(), 999),
                new org.hotline.event.EventDetail.IdsAlert(alert.signatureId(), alert.signature(), alert.category(), 1, null));
        assertThat(run(List.of(later, first), "1h")).singleElement().satisfies(a -> {
            assertThat(a.events()).isEqualTo(2);
            assertThat(a.severity()).isEqualTo(1);
            assertThat(a.evidence()).extracting(InputPosition::line).containsExactly(1L, 999L);
            assertThat(a.lastSeen() - a.firstSeen()).isEqualTo(3_600_000L);
        });
        assertThat(run(List.of(later, first), "10m")).as("an hour apart with 10-minute windows").hasSize(2);
    }
}
