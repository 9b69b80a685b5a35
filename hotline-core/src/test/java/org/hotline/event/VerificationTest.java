package org.hotline.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerificationTest {
    private static Event event(Protocol protocol, int sourcePort, boolean handshake) {
        return new Event(0, IpAddress.parse("198.51.100.7"), sourcePort, IpAddress.parse("192.0.2.1"), 80,
                protocol, null, Outcome.CONNECTION, -1, handshake, new InputPosition("x", 1), null);
    }

    @Test
    void handshakeProvesTheSource() {
        assertThat(event(Protocol.TCP, 51000, true).verification()).isEqualTo(Verification.HANDSHAKE);
    }

    @Test
    void udpFromAnAmplifierPortIsReflected() {
        assertThat(event(Protocol.UDP, 123, false).verification()).isEqualTo(Verification.REFLECTED);
        assertThat(event(Protocol.UDP, 11211, false).verification()).isEqualTo(Verification.REFLECTED);
        assertThat(event(Protocol.UDP, 40000, false).verification()).isEqualTo(Verification.UNVERIFIED);
        // The same port over TCP is not reflection.
        assertThat(event(Protocol.TCP, 53, false).verification()).isEqualTo(Verification.UNVERIFIED);
    }

    @Test
    void strongestPrefersHandshakeThenUnverified() {
        assertThat(Verification.REFLECTED.strongest(Verification.HANDSHAKE)).isEqualTo(Verification.HANDSHAKE);
        assertThat(Verification.REFLECTED.strongest(Verification.UNVERIFIED)).isEqualTo(Verification.UNVERIFIED);
        assertThat(Verification.REFLECTED.strongest(Verification.REFLECTED)).isEqualTo(Verification.REFLECTED);
    }
}
