package org.hotline.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.enrich.Enricher;
import org.hotline.enrich.EnricherContract;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The special-purpose blocks, checked at their edges against the IANA IPv4/IPv6 Special-Purpose
 * Address Registries and the RFCs named in each row (first and last address of a block, and the
 * address just outside it).
 */
class NonRoutableEnricherTest implements EnricherContract {

    @Override
    public Enricher enricher() {
        return NonRoutableEnricher.builtIn();
    }

    @Override
    public IpAddress unknownAddress() {
        return IpAddress.parse("8.8.8.8");
    }

    @Override
    public IpAddress knownV4() {
        return IpAddress.parse("10.1.2.3");
    }

    @Override
    public IpAddress knownV6() {
        return IpAddress.parse("fd12:3456::1");
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, true", "0.255.255.255, true", "1.0.0.0, false",            // RFC 791 "this network"
        "9.255.255.255, false", "10.0.0.0, true", "10.255.255.255, true", "11.0.0.0, false", // RFC 1918
        "100.63.255.255, false", "100.64.0.0, true", "100.127.255.255, true", "100.128.0.0, false", // RFC 6598
        "127.0.0.1, true", "169.254.10.1, true", "169.255.0.0, false",       // RFC 1122, 3927
        "172.15.255.255, false", "172.16.0.0, true", "172.31.255.255, true", "172.32.0.0, false",
        "192.0.0.8, true", "192.0.2.1, true", "192.88.99.1, true", "192.88.100.1, false",
        "192.167.255.255, false", "192.168.0.1, true", "198.18.0.1, true", "198.19.255.255, true", "198.20.0.0, false",
        "198.51.100.7, true", "203.0.113.255, true", "203.0.114.0, false",    // RFC 5737
        "223.255.255.255, false", "224.0.0.1, true", "239.255.255.255, true", "240.0.0.1, true", "255.255.255.255, true",
        "::, true", "::1, true", "::2, true", "::102:304, true",              // RFC 4291 unspecified, loopback, v4-compatible
        "64:ff9b::808:808, false", "64:ff9b:1::1, true", "100::1, true", "100:0:0:1::, true",
        "2001::1, false", "2001:2::1, true", "2001:3::1, false", "2001:10::1, true", "2001:20::1, false",
        "2001:db8::1, true", "2001:db9::1, false", "2002::1, false", "3fff::1, true", "3fff:1000::, false",
        "5f00::1, true", "fc00::1, true", "fdff:ffff::1, true", "fe80::1, true", "febf::1, true", "fec0::1, true",
        "ff02::1, true", "4000::1, true", "1fff:ffff::1, true", "2a00:1450::1, false", "3ffe::1, false",
        "::ffff:10.0.0.1, true", "::ffff:8.8.8.8, false",                    // IPv4-mapped is IPv4
    })
    void flagsExactlyTheSpecialPurposeBlocks(String address, boolean nonRoutable) {
        IpAddress ip = IpAddress.parse(address);
        assertThat(NonRoutableEnricher.isNonRoutable(ip)).as(address + " in " + NonRoutableEnricher.blockOf(ip)).isEqualTo(nonRoutable);
        Origin o = NonRoutableEnricher.builtIn().enrich(ip, Origin.UNKNOWN);
        assertThat(o.has(OriginFlag.NON_ROUTABLE)).isEqualTo(nonRoutable);
    }

    /**
     * blockOf skips the list for first octets no IPv4 block covers; this walks the list itself for
     * the first, middle and last address of every /16 and compares.
     */
    @Test
    void octetShortcutAgreesWithWalkingTheList() {
        for (int octet = 0; octet < 256; octet++) {
            for (int second = 0; second < 256; second++) {
                for (int low : new int[] {0, 0x7f7f, 0xffff}) {
                    IpAddress ip = IpAddress.ofV4(octet << 24 | second << 16 | low);
                    SpecialPurposeBlock walked = null;
                    for (SpecialPurposeBlock b : NonRoutableEnricher.IPV4) {
                        if (b.contains(ip)) {
                            walked = b;
                            break;
                        }
                    }
                    assertThat(NonRoutableEnricher.blockOf(ip)).as(ip.toString()).isEqualTo(walked);
                }
            }
        }
    }
}
