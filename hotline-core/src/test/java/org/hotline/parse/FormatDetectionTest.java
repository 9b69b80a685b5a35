package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real fixture under {@code parse/<format>/} must be detected as that format from its first
 * lines, as {@code hotline analyze} does without {@code --format}. This is where similar formats
 * would steal each other's files: common and combined, sshd and netfilter (both syslog), Zeek TSV
 * and JSON, EVE, Zeek JSON and Cowrie (all JSON lines).
 */
class FormatDetectionTest {

    static Stream<Path> fixtures() throws IOException {
        Path root = ParseRun.resource("parse");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".license"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("malformed"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("LICENSES"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void detectsTheFormatOfItsFolder(Path fixture) {
        String expected = fixture.getParent().getFileName().toString();
        Optional<ParserSpec> detected = new FormatDetector().detect(ParseRun.context(fixture));
        assertThat(detected.map(ParserSpec::format)).as(fixture.getFileName().toString()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sshd", "netfilter"})
    void aSyslogFileOfBothProgramsIsReadWhole(String majority) {
        // Whichever program wrote most of it, the lines of the other are events too (they were only
        // counted as ignored when the majority's format took the file).
        String ssh = "Feb 22 16:45:20 h sshd[2738]: Failed password for root from 203.0.113.1 port 1786 ssh2";
        String kernel = "Feb 22 16:45:21 h kernel: [2687005.355645] [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.2 "
                + "DST=192.0.2.1 LEN=40 PROTO=TCP SPT=1 DPT=22 SYN URGP=0";
        List<String> head = majority.equals("sshd") ? List.of(ssh, ssh, kernel, ssh) : List.of(kernel, ssh, kernel, kernel);
        FileContext context = ParseRun.inline(head.toArray(String[]::new));
        assertThat(new FormatDetector().detect(context).map(ParserSpec::format)).contains("syslog");
        FileContext alone = ParseRun.inline(majority.equals("sshd") ? ssh : kernel);
        assertThat(new FormatDetector().detect(alone).map(ParserSpec::format)).contains(majority);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aFormatMayFindAThirdOfTheLinesMalformedWhereverTheyAreButNoMore(int garbage) {
        // Garbage first: a parser stops reading once more than a third of all lines are malformed,
        // so it must not stop at two of six, which still lets the format be chosen.
        String ssh = "Feb 22 16:45:20 h sshd[2738]: Failed password for root from 203.0.113.1 port 1786 ssh2";
        String[] head = new String[6];
        for (int i = 0; i < head.length; i++) {
            head[i] = i < garbage ? "not a log at all " + i : ssh;
        }
        Optional<ParserSpec> detected = new FormatDetector().detect(ParseRun.inline(head));
        assertThat(detected.map(ParserSpec::format)).isEqualTo(garbage == 2 ? Optional.of("sshd") : Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dec 10 06:55:46 LabSZ CRON[1]: (root) CMD (true)", "not a log at all", "{\"a\":1}"})
    void undetectableInputsAreRefused(String line) {
        assertThat(new FormatDetector().detect(ParseRun.inline(line, line))).isEmpty();
    }
}
