package org.hotline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.hotline.server.Caller;
import org.hotline.server.MutableClock;
import org.hotline.server.TaxiiException;
import org.junit.jupiter.api.Test;

/**
 * Password guessing against a node: every check is a real PBKDF2 run (about 0.2 s of CPU), and user
 * names are party ids from public cards, so an outsider could keep the node's cores busy with wrong
 * passwords. After ten wrong ones from an address, its passwords are not checked for a while.
 */
class PartnerAuthenticatorTest {
    private static final String PARTNER = "identity--0b0c6d3e-1f2a-4b3c-8d4e-5f6a7b8c9d01";
    private static final String GUESSER = "198.51.100.7";
    private static final String PARTNER_NODE = "203.0.113.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final PartnerAuthenticator auth = new PartnerAuthenticator(() -> List.of(
            new PartnerAccess(PARTNER, "B-CERT", "b", PasswordHash.hash("b-password"), null)), clock);

    @Test
    void anAddressThatSentTenWrongPasswordsIsRefusedWithoutACheckUntilTheWindowPasses() {
        // The partner's node logged in before the guessing began: its verified credentials are remembered.
        assertThat(auth.authenticate(basic("b", "b-password"), null, PARTNER_NODE).id()).isEqualTo(PARTNER);
        for (int i = 0; i < PasswordGuesses.LIMIT; i++) {
            // Wrong user names count like wrong passwords (and cost no PBKDF2 run), two real guesses among them.
            String user = i < 2 ? "b" : "guess" + i;
            assertThatThrownBy(() -> auth.authenticate(basic(user, "wrong"), null, GUESSER))
                    .isInstanceOfSatisfying(TaxiiException.class, e -> assertThat(e.status()).isEqualTo(401));
            clock.set(clock.instant().plusSeconds(30));
        }

        // Even the right password is not checked now: the check is what costs the node.
        assertThatThrownBy(() -> auth.authenticate(basic("b", "b-password"), null, GUESSER))
                .isInstanceOfSatisfying(TaxiiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.getMessage()).contains(GUESSER).contains("10 wrong");
                    // The first failure was 5 minutes ago (one every 30 s): it leaves the 10-minute window in 5.
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
                });
        assertThat(auth.authenticate(basic("b", "b-password"), null, PARTNER_NODE).id()).as("another address").isEqualTo(PARTNER);

        clock.set(clock.instant().plusSeconds(301));
        Caller later = auth.authenticate(basic("b", "b-password"), null, GUESSER);
        assertThat(later.id()).isEqualTo(PARTNER);
    }

    @Test
    void fewerWrongPasswordsThanTheLimitAreAnsweredAsWrongOnly() {
        for (int i = 0; i < PasswordGuesses.LIMIT - 1; i++) {
            assertThatThrownBy(() -> auth.authenticate(basic("guess", "wrong"), null, GUESSER))
                    .isInstanceOfSatisfying(TaxiiException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
        assertThat(auth.authenticate(basic("b", "b-password"), null, GUESSER).id()).isEqualTo(PARTNER);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
