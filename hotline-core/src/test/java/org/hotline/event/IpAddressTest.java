package org.hotline.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"83.149.9.216", "0.0.0.0", "255.255.255.255", "10.0.0.1"})
    void ipv4RoundTripsThroughText(String text) {
        IpAddress ip = IpAddress.parse(text);
        assertThat(ip.isV4()).isTrue();
        assertThat(ip.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::1", "::", "fe80::1:2:3:4", "2a00:1450:4001:80b::200e",
            "2001:db8:0:1:1:1:1:1", "1::", "2001:db8::1:0:0:1"})
    void ipv6PrintsInRfc5952Form(String canonical) {
        assertThat(IpAddress.parse(canonical).toString()).isEqualTo(canonical);
    }

    @Test
    void ipv6TextFormsAreNormalised() {
        assertThat(IpAddress.parse("2001:0DB8:0000:0000:0000:0000:0000:0001").toString()).isEqualTo("2001:db8::1");
        assertThat(IpAddress.parse("fe80::1%eth0").toString()).isEqualTo("fe80::1");
        // RFC 5952 4.2.3: the first of two equal longest zero runs is shortened.
        assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1").toString()).isEqualTo("2001:db8::1:0:0:1");
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertThat(IpAddress.parse("::ffff:192.0.2.1")).isEqualTo(IpAddress.parse("192.0.2.1"));
        assertThat(IpAddress.parse("::ffff:c000:201").toString()).isEqualTo("192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.", ".1.2.3", "a.b.c.d",
            "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "12345::", "gggg::1", "1.2.3.4:80", "-", "example.org"})
    void rejectsWhatIsNotOneAddress(String text) {
        assertThat(IpAddress.parseOrNull(text)).isNull();
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void parsesASliceOfABufferWithoutCopying() {
        byte[] line = "83.149.9.216 - - [17/May/2015:10:05:03 +0000]".getBytes(StandardCharsets.US_ASCII);
        assertThat(IpAddress.parseOrNull(line, 0, 12)).isEqualTo(IpAddress.parse("83.149.9.216"));
        assertThat(IpAddress.parseOrNull(line, 0, 13)).isNull();
    }

    @Test
    void agreesWithTheJdkOnRandomAddresses() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = new byte[random.nextBoolean() ? 4 : 16];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = (byte) random.nextInt(256);
            }
            InetAddress jdk = InetAddress.getByAddress(raw);
            IpAddress ours = IpAddress.of(jdk);
            assertThat(IpAddress.parse(jdk.getHostAddress())).isEqualTo(ours);
            assertThat(ours.toInetAddress()).isEqualTo(jdk);
            assertThat(IpAddress.parse(ours.toString())).isEqualTo(ours);
        }
    }

    @Test
    void networkIsTheSlash24OrSlash48() {
        assertThat(IpAddress.parse("203.0.113.77").network()).isEqualTo(IpAddress.parse("203.0.113.0"));
        assertThat(IpAddress.parse("2001:db8:aa:bb::1").network()).isEqualTo(IpAddress.parse("2001:db8:aa::"));
    }

    @Test
    void ordersNumerically() {
        assertThat(IpAddress.parse("9.0.0.0")).isLessThan(IpAddress.parse("10.0.0.0"));
        assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("2001:db8::"));
    }
}
