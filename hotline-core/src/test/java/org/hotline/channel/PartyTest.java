package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A party's name comes on a partner's card and is printed everywhere: it must read as what it is. */
class PartyTest {
    private static Party named(String name) {
        return new Party(Ids.random("identity"), name, "IR", Ed25519.generate().publicKey(), URI.create("https://127.0.0.1:9101/taxii2/"));
    }

    @Test
    void namesInAnyScriptAreTakenJoinersIncluded() {
        assertThat(named("US-CERT").name()).isEqualTo("US-CERT");
        assertThat(named("ماهر\u200cایران").name()).as("Persian, with a zero-width non-joiner").contains("\u200c");
    }

    @Test
    void controlCharactersBidiControlsAndVeryLongNamesAreRefused() {
        for (String bad : new String[] {"US-CERT\u001b[2J", "US-\nCERT", "RU-\u202eTREC", "x".repeat(101)}) {
            assertThatThrownBy(() -> named(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a party name is up to 100 characters");
        }
    }
}
