package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UtcInstants#parse} gives exactly what {@link Instant#parse} gives, value or refusal. */
class UtcInstantsTest {
    private static final String ALPHABET = "0123456789TZz:.-+ 9";

    @Test
    void agreesWithInstantParse() {
        List<String> cases = new ArrayList<>(List.of("2021-09-17T10:05:03.000Z", "2021-09-17T10:05:03Z",
                "2021-09-17T10:05:03.1Z", "2021-09-17T10:05:03.123456789Z", "2021-09-17T10:05:03.1234567891Z",
                "2021-09-17T10:05:03.Z", "2021-09-17t10:05:03.000z", "2021-09-17T23:59:60Z", "2021-09-17T24:00:00Z",
                "2020-02-29T00:00:00Z", "2021-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z",
                "2021-04-31T00:00:00Z", "2021-00-10T00:00:00Z", "2021-13-10T00:00:00Z", "2021-09-17T10:05:03+00:00",
                "+12021-09-17T10:05:03Z", "2021-09-17 10:05:03Z", "", "Z"));
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder(cases.get(random.nextInt(17)));
            for (int edits = random.nextInt(3); edits > 0 && !s.isEmpty(); edits--) {
                int at = random.nextInt(s.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, c);
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, c);
                }
            }
            cases.add(s.toString());
        }
        int parsed = 0;
        for (String s : cases) {
            Object expected = parseOrError(s, true);
            assertThat(parseOrError(s, false)).as(s).isEqualTo(expected);
            parsed += expected instanceof Instant ? 1 : 0;
        }
        assertThat(parsed).as("valid texts among the cases").isGreaterThan(10_000);
    }

    private static Object parseOrError(String s, boolean jdk) {
        try {
            return jdk ? Instant.parse(s) : UtcInstants.parse(s);
        } catch (DateTimeParseException e) {
            return "refused: " + e.getMessage();
        }
    }
}
