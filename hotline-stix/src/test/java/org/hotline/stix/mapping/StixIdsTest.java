package org.hotline.stix.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hotline.stix.StixJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expected ids were computed outside this code, with Python's uuid and json modules (the way
 * python-stix2 derives SCO ids):
 * {@code uuid.uuid5(uuid.UUID('00abedb4-aa42-466c-9c01-fed23315a9b7'), json.dumps(props, sort_keys=True,
 * separators=(',', ':'), ensure_ascii=False))}.
 */
class StixIdsTest {

    @Test
    void ipv4AddressHasTheStixDeterministicId() {
        // The test vector of CHANNEL-NOTES c.2 item 3.
        assertThat(StixIds.sco("ipv4-addr", StixJson.object().put("value", "198.51.100.3")))
                .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    }

    @Test
    void ipv6AndAutonomousSystemIds() {
        assertThat(StixIds.sco("ipv6-addr", StixJson.object().put("value", "2001:db8:85a3::8a2e:370:7334")))
                .isEqualTo("ipv6-addr--f5344921-72d2-5619-945d-8757bca4b7cd");
        assertThat(StixIds.sco("autonomous-system", StixJson.object().put("number", 64496L)))
                .isEqualTo("autonomous-system--9ad79ee3-2fde-5015-b0cc-7a96404effca");
    }

    @Test
    void artifactIdCoversHashAndPayloadInCanonicalOrder() {
        ObjectNode props = StixJson.object();
        // Inserted out of order on purpose: JCS sorts the members.
        props.put("payload_bin", "U2VwIDE3IDEwOjA1OjAzIGd3IHNzaGRbODEyXTogRmFpbGVkIHBhc3N3b3JkIGZvciByb290IGZyb20gMTk4LjUxLjEwMC4yMyBwb3J0IDUxMDIyIHNzaDI=");
        props.putObject("hashes").put("SHA-256", "4c6dc7d0c34975893b5d63b81d077b5165dc36b94fbbaade43ec52f73a7496e3");
        assertThat(StixIds.sco("artifact", props)).isEqualTo("artifact--15a662d9-966a-51ef-916c-134e5368c603");
    }

    @Test
    void nonAsciiIsHashedAsUtf8() {
        assertThat(StixIds.sco("file", StixJson.object().put("name", "Heizölrückstoßabdämpfung")))
                .isEqualTo("file--950ed425-fe30-5134-aa81-ff2293b3d5a1");
    }

    @Test
    void derivedIdsAreStableVersion4ShapedAndDistinct() {
        String a = StixIds.derived("indicator", "grouping--x|0|198.51.100.23");
        assertThat(StixIds.derived("indicator", "grouping--x|0|198.51.100.23")).isEqualTo(a);
        assertThat(StixIds.derived("indicator", "grouping--x|1|198.51.100.23")).isNotEqualTo(a);
        assertThat(StixIds.derived("sighting", "grouping--x|0|198.51.100.23").substring("sighting--".length()))
                .isNotEqualTo(a.substring("indicator--".length()));
        UUID u = UUID.fromString(a.substring("indicator--".length()));
        assertThat(u.version()).isEqualTo(4);
        assertThat(u.variant()).isEqualTo(2);
    }
}
