package org.hotline.geo.tor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.InputException;
import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.hotline.geo.GeoTestData;
import org.junit.jupiter.api.Test;

/**
 * Both Tor exit list forms. The contract runs on the plain list (it has IPv4 and IPv6); the
 * exit-addresses fixture is checked for its four ExitAddress lines (grep -c '^ExitAddress' → 5, one
 * with a bad address on line 13) and its newest date (2026-06-17).
 */
class TorExitEnricherTest implements EnricherContract {

    private static final TorExitEnricher PLAIN = TorExitEnricher.open(GeoTestData.TOR.resolve("exit-list.txt"));

    @Override
    public Enricher enricher() {
        return PLAIN;
    }

    @Override
    public IpAddress unknownAddress() {
        return IpAddress.parse("192.0.2.8");
    }

    @Override
    public IpAddress knownV4() {
        return IpAddress.parse("198.51.100.23");
    }

    @Override
    public IpAddress knownV6() {
        return IpAddress.parse("2001:db8::e1");
    }

    @Test
    void readsTheExitAddressesFormat() {
        TorExitEnricher tor = TorExitEnricher.open(GeoTestData.TOR.resolve("exit-addresses"));
        assertThat(tor.list().addresses()).containsExactlyInAnyOrder(IpAddress.parse("192.0.2.7"),
                IpAddress.parse("198.51.100.23"), IpAddress.parse("198.51.100.24"), IpAddress.parse("203.0.113.200"));
        assertThat(tor.list().firstProblems()).containsExactly("exit-addresses line 13: ExitAddress without a valid address");
        assertThat(tor.info().layout()).isEqualTo("tor-exit-addresses");
        assertThat(tor.info().buildDate()).isEqualTo("2026-06-17");
        assertThat(tor.info().entries()).isEqualTo(4);
        assertThat(tor.info().source()).contains("not by event time");
        assertThat(tor.enrich(IpAddress.parse("198.51.100.24"), Origin.UNKNOWN).has(OriginFlag.TOR_EXIT)).isTrue();
    }

    @Test
    void readsThePlainFormWithComments() {
        assertThat(PLAIN.list().addresses()).containsExactlyInAnyOrder(IpAddress.parse("192.0.2.7"),
                IpAddress.parse("198.51.100.23"), IpAddress.parse("2001:db8::e1"), IpAddress.parse("2001:db8::e2"));
        assertThat(PLAIN.list().firstProblems()).containsExactly(
                "exit-list.txt line 7: neither an address nor an exit-addresses keyword: 'exit.example.org'");
        assertThat(PLAIN.info().layout()).isEqualTo("address-list");
        assertThat(PLAIN.info().buildDate()).isNull();
    }

    @Test
    void aListWithoutAddressesIsAnError() {
        assertThatThrownBy(() -> TorExitEnricher.open(GeoTestData.MMDB.resolve("geolite2-asn.mmdb.license")))
                .isInstanceOf(InputException.class).hasMessageContaining("no exit address found");
        assertThatThrownBy(() -> TorExitEnricher.open(GeoTestData.TOR.resolve("missing")))
                .isInstanceOf(InputException.class).hasMessageContaining("--tor-exits").hasMessageContaining("no such file");
    }
}
