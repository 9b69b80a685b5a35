package org.hotline.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.event.Event;
import org.hotline.parse.FormatDetector;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.ParserSpec;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class MixedSyslogParserTest implements ParserContract {
    private static final String MIXED = "parse/syslog/dunneja-iptables-elastic-beats-secure-rhel7-interleaved.log";

    @Override
    public String format() {
        return "syslog";
    }

    @Override
    public List<String> fixtures() {
        return List.of(MIXED);
    }

    @Override
    public String truncatedLine() {
        return "Dec 11 00:05:07 ixion kernel: [2687005.355645] IPTABLES:BLOCKED-CONN: IN=eth0 OUT= MAC=00:0d:3a:2f:f2:27:12:34:56:78:9a:bc:08:00 SRC=40.11";
    }

    private static ParseRun run(String format) {
        return ParseRun.file(Parsers.byName(format), ParseRun.resource(MIXED));
    }

    @Test
    void readsBothProgramsLinesWhereEachSingleFormatReadsOnlyItsOwn() {
        // grep -c 'kernel: .* SRC=' $F -> 100 packet lines, each an event for netfilter; the sshd parser
        // takes the secure log's events among the other 100 lines and leaves the packet lines aside.
        ParseRun mixed = run("syslog");
        ParseRun sshd = run("sshd");
        ParseRun netfilter = run("netfilter");
        assertThat(netfilter.events).hasSize(100);
        assertThat(sshd.events).isNotEmpty();
        assertThat(mixed.malformed).isEmpty();
        assertThat(mixed.events).hasSize(sshd.events.size() + netfilter.events.size());
        assertThat(mixed.events.stream().filter(e -> e.service() != null && e.service().equals("ssh")).count())
                .isEqualTo(sshd.events.size());
        assertThat(mixed.ignoredCount()).isEqualTo(200 - mixed.events.size());
        // every event's line holds its source address
        List<String> lines = ParserContract.lines(ParseRun.resource(MIXED));
        for (Event e : mixed.events) {
            if (e.source() != null) {
                assertThat(lines.get((int) e.position().line() - 1)).contains(e.source().toString());
            }
        }
    }

    @Test
    void eachSingleFormatSaysWhatItLeavesAsideForTheOtherAndThisOneLeavesNothing() {
        // grep -c 'kernel: .*SRC=' -> 100 packet lines; grep -c ' sshd\[' -> 100 sshd lines (events or not).
        assertThat(run("sshd").leftAside).containsExactly(java.util.Map.entry("netfilter", 100L));
        assertThat(run("netfilter").leftAside).containsExactly(java.util.Map.entry("sshd", 100L));
        assertThat(run("syslog").leftAside).isEmpty();
    }

    @Test
    void detectionPicksItOnlyWhereBothProgramsWrite() {
        // The interleaved file: both; its sources alone: the single formats, listed before it.
        assertThat(new FormatDetector().detect(ParseRun.context(ParseRun.resource(MIXED))).map(ParserSpec::format))
                .contains("syslog");
        assertThat(new FormatDetector().detect(ParseRun.context(ParseRun.resource("parse/sshd/elastic-beats-secure-rhel7.log")))
                .map(ParserSpec::format)).contains("sshd");
        assertThat(new FormatDetector().detect(ParseRun.context(ParseRun.resource("parse/netfilter/dunneja-iptables.log")))
                .map(ParserSpec::format)).contains("netfilter");
    }
}
