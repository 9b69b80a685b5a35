package org.hotline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.detect.DetectionPlan;
import org.hotline.parse.ParseRun;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

/**
 * Attacks keep a count of their events, so a line two detectors flag counts in both attacks. The
 * report cannot undo that, but it must say so where it is certain: a source whose attacks add up to
 * more events than it sent.
 */
class AttackEventsCountedTwiceTest {
    private static final String FIXTURE = "cowrie/cowrie-synthetic-sessions.json";

    private static OriginReport report(List<String> detect) {
        ParseRun run = ParseRun.file(Parsers.byName("cowrie"), ParseRun.resource("parse/" + FIXTURE));
        return FixtureReport.of(FIXTURE, run.events, DetectionPlan.of(List.of("brute-force", "honeypot"), detect));
    }

    @Test
    void aHoneypotLoginThatIsAlsoPartOfABruteForceIsSaidToCountTwice() {
        // The fixture's first session, from 203.0.113.7, is 9 events (lines 1, 4-7, 9-12: connect, three
        // failed logins, a success, three commands and a download); the honeypot detector makes them all
        // one attack. With brute-force.failures=3 its three failures and the success after them are also
        // a brute force (4 events): 13 attack events from a source that sent 9, so at least 4 count twice.
        // The other two sessions (3 and 4 events) are honeypot attacks only: 9 + 4 + 3 + 4 = 20.
        OriginReport r = report(List.of("brute-force.failures=3"));
        assertThat(r.events().total()).isEqualTo(16);
        assertThat(r.attacks().total().events()).isEqualTo(20);
        assertThat(r.caveats().statements()).filteredOn(s -> s.startsWith("At least"))
                .containsExactly("At least 4 of the 20 attack events are counted in more than one attack: two detectors"
                        + " flagged the same lines (a honeypot login that is also part of a brute force, a traversal probe"
                        + " that is also part of a path scan). Attack events are summed over the attacks, so they can"
                        + " exceed the parsed events, and the event shares by type add up to 100 % of that sum, not of"
                        + " the lines; the shares by sources count each address once.");
        assertThat(r.caveats().units().get("events")).contains("a line that two detectors both flagged counts in each");
    }

    @Test
    void withoutAnOverlapThereIsNothingToSay() {
        // Default brute-force.failures=5: no source fails five times, so only the honeypot's 16 events.
        OriginReport r = report(List.of());
        assertThat(r.attacks().total().events()).isEqualTo(16);
        assertThat(r.caveats().statements()).noneMatch(s -> s.startsWith("At least"));
    }
}
