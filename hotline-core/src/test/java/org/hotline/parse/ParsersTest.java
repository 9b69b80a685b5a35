package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;

/** The registry's own checks: the Java analogue of CrowdSec's "built but not registered" guard. */
class ParsersTest {

    @Test
    void namesAreUniqueShortAndLowerCase() {
        List<String> names = Parsers.all().stream().map(ParserSpec::format).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).allMatch(n -> n.matches("[a-z][a-z0-9-]{1,19}"));
        assertThat(names).containsExactly("common", "combined", "sshd", "netfilter", "syslog", "journald-json", "suricata-eve",
                "zeek-conn", "zeek-conn-json", "cowrie");
    }

    @Test
    void everySpecConstructsAParserOfItsOwnName() {
        for (ParserSpec spec : Parsers.all()) {
            Parser parser = spec.create(ParseRun.inline());
            assertThat(parser.format()).isEqualTo(spec.format());
            assertThat(spec.description()).isNotBlank().doesNotContain("\n");
            assertThat(Parsers.byName(spec.format())).isSameAs(spec);
        }
    }

    @Test
    void onlySyslogFormatsAreYearless() {
        assertThat(Parsers.all().stream().filter(ParserSpec::yearless).map(ParserSpec::format))
                .containsExactlyInAnyOrder("sshd", "netfilter", "syslog");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Parsers.byName("nginx"))
                .isInstanceOf(InputException.class)
                .hasMessage("unknown format 'nginx'; known: common, combined, sshd, netfilter, syslog, journald-json, suricata-eve, "
                        + "zeek-conn, zeek-conn-json, cowrie");
    }

    @Test
    void everyParserImplementationIsRegistered() throws Exception {
        // All of hotline-core's main classes (the directory or jar Parsers was loaded from).
        Path mainClasses = Path.of(Parsers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // Resolving every referenced library class from the classpath takes seconds and is not needed here.
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes;
        try {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(mainClasses);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        Set<String> implementations = classes
                .stream()
                .filter(c -> c.isAssignableTo(Parser.class) && !c.isInterface() && !c.getModifiers()
                        .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        Set<String> registered = Parsers.all().stream()
                .map(s -> s.create(ParseRun.inline()).getClass().getName())
                .collect(Collectors.toSet());
        assertThat(implementations).isNotEmpty().isEqualTo(registered);
    }
}
