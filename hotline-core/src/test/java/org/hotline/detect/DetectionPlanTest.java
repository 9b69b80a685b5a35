package org.hotline.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotline.InputException;
import org.hotline.detect.bruteforce.AuthBruteForceDetector;
import org.junit.jupiter.api.Test;

class DetectionPlanTest {

    @Test
    void defaultsRunEveryDetectorWithItsDocumentedValues() {
        DetectionPlan plan = DetectionPlan.defaults();
        assertThat(plan.entries()).extracting(e -> e.spec().name())
                .containsExactlyElementsOf(Detectors.all().stream().map(DetectorSpec::name).toList());
        assertThat(plan.describe()).containsExactly(
                "brute-force failures=5 window=10m",
                "request-flood requests=600 window=1m",
                "port-scan ports=15 hosts=25 window=1h",
                "path-scan paths=10 window=1m",
                "web-exploit requests=1 window=1h",
                "ids alerts=1 window=1h",
                "honeypot events=1 window=1h");
        assertThat(plan.get()).hasSize(7);
    }

    @Test
    void aSelectionKeepsRegistryOrderAndOverridesApply() {
        DetectionPlan plan = DetectionPlan.of(List.of("port-scan", "brute-force"),
                List.of("brute-force.failures=10", "brute-force.window=1h", "brute-force.failures=20"));
        assertThat(plan.describe()).containsExactly("brute-force failures=20 window=1h", "port-scan ports=15 hosts=25 window=1h");
        assertThat(plan.entries().get(0).settings().get(AuthBruteForceDetector.FAILURES)).isEqualTo(20);
        assertThat(plan.get()).hasSize(2).doesNotContainNull();
        assertThat(plan.get().get(0)).isNotSameAs(plan.get().get(0));
    }

    @Test
    void mistakesAreNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> DetectionPlan.of(List.of("bruteforce"), List.of()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("unknown detector 'bruteforce'; known: brute-force,");
        assertThatThrownBy(() -> DetectionPlan.of(null, List.of("brute-force.tries=3")))
                .hasMessage("unknown parameter 'brute-force.tries'; brute-force has: failures, window");
        assertThatThrownBy(() -> DetectionPlan.of(null, List.of("brute-force.failures=0")))
                .hasMessage("brute-force.failures=0: must be > 0");
        assertThatThrownBy(() -> DetectionPlan.of(List.of("ids"), List.of("brute-force.failures=3")))
                .hasMessage("--detect brute-force.failures=3: detector brute-force is not selected by --detectors");
        assertThatThrownBy(() -> DetectionPlan.of(null, List.of("failures=3")))
                .hasMessage("--detect failures=3: expected detector.parameter=value, e.g. brute-force.failures=10");
        assertThatThrownBy(() -> DetectionPlan.of(null, List.of("nope.failures=3")))
                .hasMessageStartingWith("unknown detector 'nope'");
    }
}
