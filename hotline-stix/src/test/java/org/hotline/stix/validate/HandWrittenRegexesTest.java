package org.hotline.stix.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The checks that replaced regular expressions on the ingest path give the regexes' answers: the
 * hand-written timestamp and identifier checks of {@link SpecRules}, and the remembered answers of
 * {@link MemoizedRegularExpressions}. Compared on hand-picked edge cases and on random mutations of
 * valid values (same seed every run).
 */
class HandWrittenRegexesTest {
    private static final Pattern MILLIS = Pattern.compile(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    private static final String ALPHABET = "0123456789aAbBfFgzT:.-Z_ ~\u0660";

    @Test
    void millisAgreesWithTheRegex() {
        List<String> cases = new ArrayList<>(List.of("", "Z", "T00:00:00.000Z", "2021-09-17T10:05:03.000Z",
                "2021-09-17T10:05:03.00Z", "2021-09-17T10:05:03Z", "2021-09-17T10:05:03.123456789012Z",
                "2021-09-17T10:05:03.000z", "2021-09-17 10:05:03.000Z", "xT10:05:03.12.345Z", "T1:05:03.000Z",
                "123456789012345Z", "2021-09-17T10:05:03.\u0660\u0660\u0660Z", "TT10:05:03.000Z", "T10:05:03.000ZZ"));
        cases.addAll(mutations("2021-09-17T10:05:03.000Z", 20_000));
        for (String s : cases) {
            assertThat(SpecRules.millis(s)).as(s).isEqualTo(MILLIS.matcher(s).matches());
        }
    }

    @Test
    void identifierTypeAgreesWithTheRegex() {
        List<String> cases = new ArrayList<>(List.of("", "--", "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",
                "x509-certificate--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01", "ab--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",
                "abc--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01", "a-c--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",
                "ab---b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01", "a--b--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",
                "Identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01", "identity--b3bca3c2-1f3d-7b54-b44f-dac42c3a8f01",
                "identity--b3bca3c2-1f3d-4b54-c44f-dac42c3a8f01", "identity--B3BCA3C2-1F3D-4B54-B44F-DAC42C3A8F01",
                "identity-b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01", "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f0",
                "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f011", "identity--b3bca3c21f3d-4b54-b44f-dac42c3a8f01-"));
        cases.addAll(mutations("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", 20_000));
        cases.addAll(mutations("ab1--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", 20_000));
        for (String s : cases) {
            Matcher m = IDENTIFIER.matcher(s);
            assertThat(SpecRules.identifierType(s)).as(s).isEqualTo(m.matches() ? m.group(1) : null);
        }
    }

    @Test
    void rememberedAnswersAreTheRegexAnswers() {
        String regex = "^([a-z][a-z0-9_]{2,249})|id$";
        RegularExpression plain = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
        RegularExpression memoized = new MemoizedRegularExpressions().getRegularExpression(regex);
        List<String> cases = new ArrayList<>(List.of("id", "xid", "Id", "type", "hotlineState", "ab", "a".repeat(300),
                "A" + "a".repeat(200) + "id"));
        cases.addAll(mutations("created_by_ref", 3 * MemoizedRegularExpressions.MAX_ENTRIES)); // past the bound
        for (int round = 0; round < 2; round++) { // the second round answers from memory where it can
            for (String s : cases) {
                assertThat(memoized.matches(s)).as(s).isEqualTo(plain.matches(s));
            }
        }
    }

    /** Random edits of {@code valid}: replaced, dropped and inserted characters, one to three each. */
    private static List<String> mutations(String valid, int n) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(3); edits > 0 && !s.isEmpty(); edits--) {
                int at = random.nextInt(s.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, c);
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, c);
                }
            }
            out.add(s.toString());
        }
        return out;
    }
}
