package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.detect.DetectionPlan;
import org.hotline.parse.ParseRun;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class ReportWarningsTest {

    @Test
    void theBusiestAddressIsMeasuredOnTheOriginTablesAttacksOnly() {
        // One source: an IDS alert (no handshake proven: the unverified table) and, 4 s later, a web request
        // with a traversal (HTTP: a handshake, so the origin table). The origin has 1 attack event, all from
        // that address: 100 %, not the 200 % that counting the alert too gave.
        ParseRun run = ParseRun.lines(Parsers.byName("suricata-eve").create(ParseRun.inline()),
                "{\"timestamp\":\"2025-03-05T10:00:00.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"45.33.32.156\","
                        + "\"src_port\":40000,\"dest_ip\":\"192.0.2.10\",\"dest_port\":22,\"proto\":\"TCP\","
                        + "\"alert\":{\"signature_id\":1,\"signature\":\"X\",\"severity\":2}}",
                "{\"timestamp\":\"2025-03-05T10:00:04.000000+0000\",\"event_type\":\"http\",\"src_ip\":\"45.33.32.156\","
                        + "\"src_port\":40004,\"dest_ip\":\"192.0.2.10\",\"dest_port\":80,\"proto\":\"TCP\","
                        + "\"http\":{\"url\":\"/../../etc/passwd\",\"http_method\":\"GET\",\"status\":404,\"length\":0}}");
        assertThat(run.malformed).isEmpty();
        OriginReport r = FixtureReport.of("eve.json", run.events, DetectionPlan.defaults());
        assertThat(r.attacks().unverified().events()).isEqualTo(1);
        assertThat(r.attacks().origin().events()).isEqualTo(1);
        assertThat(r.warnings()).contains("one address, 45.33.32.156, makes 100.0 % of the origin's attack events:"
                + " shares by events mostly describe that one address; compare the shares by sources");
    }
}
