package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Materials come from partners: a sighting's address and country must be what they claim to be where
 * materials come in; what an earlier version stored stays readable.
 */
class MaterialsTest {

    private static Materials.Sighting sighting(String address, String country) {
        return new Materials.Sighting(address, 64496, "Example Hosting", country, 7,
                Instant.parse("2021-09-17T10:05:03Z"), Instant.parse("2021-09-19T07:59:00Z"), List.of("brute-force"));
    }

    private static Materials with(Materials.Sighting s) {
        return new Materials(Ids.random("grouping"), "sources", List.of(s), List.of(), null);
    }

    @Test
    void aSightingOfAnAddressInACountryCodeOrOfUnknownLocationComesIn() {
        Materials.check(with(sighting("198.51.100.23", "US")));
        Materials.check(with(sighting("2001:db8::1", null)));
        Materials.check(null);
    }

    @Test
    void anythingElseAsAddressOrCountryIsRefusedShownPrintablyButStillReadableAsStored() {
        assertThatThrownBy(() -> Materials.check(with(sighting("<img src=x onerror=alert(1)>", "US"))))
                .isInstanceOf(ChannelException.class)
                .hasMessage("a sighting's address is no IPv4 or IPv6 address: '<img src=x onerror=alert(1)>'");
        assertThatThrownBy(() -> Materials.check(with(sighting("198.51.100.23", "us")))).hasMessageContaining("no ISO 3166 alpha-2 code");
        assertThatThrownBy(() -> Materials.check(with(sighting("198.51.100.23", "USA")))).hasMessageContaining("no ISO 3166 alpha-2 code");
        assertThatThrownBy(() -> Materials.check(with(sighting("198.51.100.23", "\u001b[2J\u202eEVIL"))))
                .isInstanceOf(ChannelException.class)
                .hasMessage("a sighting's country is no ISO 3166 alpha-2 code (two capital letters): '?[2J?EVIL'");
        // As an earlier version stored it: still a sighting, read and shown.
        assertThat(sighting("198.51.100.23", "us").country()).isEqualTo("us");
    }
}
