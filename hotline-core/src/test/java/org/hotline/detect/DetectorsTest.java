package org.hotline.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;

/** The registry: one entry per detector, each constructible, none forgotten. */
class DetectorsTest {

    @Test
    void namesAreUniqueAndDescribed() {
        List<String> names = Detectors.all().stream().map(DetectorSpec::name).toList();
        assertThat(names).doesNotHaveDuplicates()
                .containsExactly("brute-force", "request-flood", "port-scan", "path-scan", "web-exploit", "ids", "honeypot");
        for (DetectorSpec spec : Detectors.all()) {
            assertThat(spec.description()).isNotBlank();
            assertThat(spec.parameters()).isNotEmpty();
            for (DetectorParameter p : spec.parameters()) {
                assertThat(p.description()).as(spec.name() + "." + p.name()).isNotBlank();
            }
        }
    }

    @Test
    void everyFactoryMakesAFreshMeasurableInstance() {
        for (DetectorSpec spec : Detectors.all()) {
            Detector a = spec.create(spec.defaults());
            Detector b = spec.create(spec.defaults());
            assertThat(a).isNotSameAs(b).isInstanceOf(StateSize.class);
            assertThat(((StateSize) a).stateEntries()).isZero();
        }
    }

    @Test
    void everyDetectorInCoreIsRegistered() {
        Set<String> registered = new HashSet<>();
        for (DetectorSpec spec : Detectors.all()) {
            registered.add(spec.create(spec.defaults()).getClass().getName());
        }
        Set<String> implementations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline").stream()
                .filter(c -> c.isAssignableTo(Detector.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(implementations).isNotEmpty();
        assertThat(registered).isEqualTo(implementations);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Detectors.byName("sqli"))
                .isInstanceOf(InputException.class)
                .hasMessage("unknown detector 'sqli'; known: brute-force, request-flood, port-scan, path-scan, "
                        + "web-exploit, ids, honeypot");
    }
}
