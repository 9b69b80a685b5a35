package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A party's name and TAXII address come on a partner's card and are printed everywhere: where a party
 * comes in they must read as what they are; a party an earlier version stored is still made.
 */
class PartyTest {
    private static Party named(String name) {
        return named(name, "https://127.0.0.1:9101/taxii2/");
    }

    private static Party named(String name, String url) {
        return new Party(Ids.random("identity"), name, "IR", Ed25519.generate().publicKey(), URI.create(url));
    }

    @Test
    void namesInAnyScriptAreTakenJoinersIncluded() {
        named("US-CERT").checkShown();
        Party persian = named("ماهر\u200cایران");
        persian.checkShown();
        assertThat(persian.name()).as("Persian, with a zero-width non-joiner").contains("\u200c");
    }

    @Test
    void controlCharactersBidiControlsAndVeryLongNamesAreRefusedSayingWhich() {
        assertThatThrownBy(() -> named("US-CERT\u001b[2J").checkShown()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("party name holds U+001B at position 8, a control character or bidirectional control, which would make"
                        + " it read as another text");
        assertThatThrownBy(() -> named("RU-\u202eTREC").checkShown()).hasMessageStartingWith("party name holds U+202E at position 4");
        assertThatThrownBy(() -> Party.checkName("x".repeat(101))).hasMessageEndingWith("has 101 characters; at most 100");
        assertThatThrownBy(() -> named("US-CERT", "https://127.0.0.1:9312/hotline/\u202etxt.exe/").checkShown())
                .hasMessageStartingWith("party US-CERT: its TAXII URL holds U+202E at position 32");
    }

    @Test
    void aPartyAnEarlierVersionStoredIsStillMade() {
        // Read back from a node's home or database, where no rule was checked when it was written.
        assertThat(named("x".repeat(102)).name()).hasSize(102);
    }
}
