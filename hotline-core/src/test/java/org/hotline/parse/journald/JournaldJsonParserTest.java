package org.hotline.parse.journald;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.parse.FormatDetector;
import org.hotline.parse.ParseRun;
import org.hotline.parse.ParserContract;
import org.hotline.parse.ParserSpec;
import org.hotline.parse.Parsers;
import org.junit.jupiter.api.Test;

class JournaldJsonParserTest implements ParserContract {
    private static final String JOURNAL = "parse/journald-json/journalctl-dunneja-iptables-elastic-beats-secure-rhel7.json";

    @Override
    public String format() {
        return "journald-json";
    }

    @Override
    public List<String> fixtures() {
        return List.of(JOURNAL);
    }

    @Override
    public String truncatedLine() {
        return "{\"_TRANSPORT\":\"syslog\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"__REALTIME_TIMESTAMP\":\"1424623520000001\",\"MESSAGE\":\"Failed password for r";
    }

    @Test
    void aJournalGivesTheEventsOfTheSyslogLinesItsRecordsStandFor() {
        // Record n is line n of the interleaved file: odd n the iptables log's line (n + 1) / 2, even n
        // the secure log's line n / 2. Each source read on its own as the year the journal's times were
        // made in (2015, UTC; the interleaved file itself would roll into 2016 at its first Feb line):
        // every event the same but for its input and line (the microseconds the maker added to keep
        // records of one second apart are below the millisecond events keep).
        ParseRun journal = ParseRun.file(Parsers.byName("journald-json"), ParseRun.resource(JOURNAL));
        assertThat(journal.malformed).isEmpty();
        ParseRun packets = read("netfilter", "parse/netfilter/dunneja-iptables.log");
        ParseRun sshd = read("sshd", "parse/sshd/elastic-beats-secure-rhel7.log");
        Map<Long, List<Event>> expected = new TreeMap<>();
        packets.events.stream().filter(e -> e.position().line() <= 100)
                .forEach(e -> expected.computeIfAbsent(2 * e.position().line() - 1, k -> new ArrayList<>()).add(withoutPosition(e)));
        sshd.events.stream().filter(e -> e.position().line() <= 100)
                .forEach(e -> expected.computeIfAbsent(2 * e.position().line(), k -> new ArrayList<>()).add(withoutPosition(e)));
        Map<Long, List<Event>> actual = new TreeMap<>();
        journal.events.forEach(e -> actual.computeIfAbsent(e.position().line(), k -> new ArrayList<>()).add(withoutPosition(e)));
        assertThat(expected.keySet()).hasSizeGreaterThan(100);   // the 100 packet lines and the sshd attempts
        assertThat(actual).isEqualTo(expected);
        assertThat(journal.events.get(0).time()).isEqualTo(Instant.parse("2015-12-11T00:05:07Z").toEpochMilli());
    }

    private static ParseRun read(String format, String resource) {
        Path file = ParseRun.resource(resource);
        return ParseRun.file(Parsers.byName(format).create(ParseRun.context(file, 2015, ZoneOffset.UTC)), file);
    }

    @Test
    void aMessageJournalctlWroteAsBytesIsReadAsTheBytesItHolds() {
        // journalctl 252 wrote "Invalid user ESC[31mroot from 203.0.113.7 port 4242" as an array of bytes (the ESC).
        ParseRun run = ParseRun.file(Parsers.byName("journald-json"), ParseRun.resource("parse/journald-json/malformed/broken-records.log"));
        Event e = run.events.stream().filter(x -> x.sourcePort() == 4242).findFirst().orElseThrow();
        assertThat(e.source()).isEqualTo(IpAddress.parse("203.0.113.7"));
        assertThat(e.outcome()).isEqualTo(Outcome.AUTH_FAILURE);
        assertThat(((EventDetail.Authentication) e.detail()).user()).isEqualTo("\u001b[31mroot");
        assertThat(e.time()).isEqualTo(Instant.parse("2015-02-22T16:53:20Z").toEpochMilli());
    }

    @Test
    void detectionPicksItForAJournalAndNotForOtherJson() {
        assertThat(new FormatDetector().detect(ParseRun.context(ParseRun.resource(JOURNAL))).map(ParserSpec::format))
                .contains("journald-json");
        assertThat(new FormatDetector().detect(ParseRun.context(ParseRun.resource("parse/cowrie/cowrie-synthetic-sessions.json")))
                .map(ParserSpec::format)).contains("cowrie");
    }

    private static Event withoutPosition(Event e) {
        return new Event(e.time(), e.source(), e.sourcePort(), e.destination(), e.destinationPort(), e.protocol(), e.service(),
                e.outcome(), e.bytes(), e.handshake(), new InputPosition("-", 1), e.detail());
    }
}
