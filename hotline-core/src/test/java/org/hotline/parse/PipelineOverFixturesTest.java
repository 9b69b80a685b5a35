package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.aggregate.Aggregator;
import org.hotline.event.Event;
import org.hotline.pipeline.InputSummary;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.LineBlockReader;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsers inside the real pipeline: all fixtures in one run with two workers, the format
 * detected per input, blocks parsed on whichever worker takes them. Each input's accounting must
 * equal what {@link ParseRun} sees reading the same file alone, line for line.
 */
class PipelineOverFixturesTest {

    /** Counts events across workers; enough of an aggregator to see that every event arrived. */
    private static final class Counter implements Aggregator {
        final AtomicLong events;

        Counter(AtomicLong events) {
            this.events = events;
        }

        @Override
        public void accept(Event event) {
            events.incrementAndGet();
        }

        @Override
        public void mergeFrom(Aggregator other) {
            // the shared AtomicLong already holds every worker's count
        }
    }

    /** A classic syslog timestamp, with no year: "Feb 22 16:45:20 ", after an optional {@code <PRI>}. */
    private static final Pattern CLASSIC_SYSLOG = Pattern.compile("^(<\\d{1,3}>)?[A-Z][a-z]{2} [ 0-3]\\d \\d\\d:\\d\\d:\\d\\d ");

    @Test
    void everyFixtureIsDetectedAndCountedAsWhenParsedAlone() throws Exception {
        List<Path> fixtures;
        try (Stream<Path> s = FormatDetectionTest.fixtures()) {
            fixtures = s.toList();
        }
        AtomicLong aggregated = new AtomicLong();
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2), List::of,
                () -> new Counter(aggregated), null, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        Pipeline.Result result = pipeline.run(Sources.expand(fixtures.stream().map(Path::toString).toList()));

        long totalEvents = 0;
        for (int i = 0; i < fixtures.size(); i++) {
            Path fixture = fixtures.get(i);
            InputSummary summary = result.inputs().get(i);
            String format = fixture.getParent().getFileName().toString();
            ParseRun alone = ParseRun.file(Parsers.byName(format), fixture);
            assertThat(summary.error()).as(fixture.toString()).isNull();
            assertThat(summary.format()).as(fixture.toString()).isEqualTo(format);
            assertThat(summary.lines()).as(fixture.toString()).isEqualTo(alone.lines);
            assertThat(summary.events()).as(fixture.toString()).isEqualTo(alone.events.size());
            assertThat(summary.skipped()).as(fixture.toString()).isEqualTo(alone.malformed.size());
            assertThat(summary.ignored()).as(fixture.toString()).isEqualTo(alone.ignoredCount());
            // The year rule is stated where an event's timestamp had no year: the classic syslog
            // lines ("Feb 22 16:45:20 host sshd[1]: Failed ..."), not an RFC 5424 sshd log.
            boolean classicEvents = Parsers.byName(format).yearless() && !alone.events.isEmpty()
                    && Files.readAllLines(fixture).stream().anyMatch(l -> CLASSIC_SYSLOG.matcher(l).find());
            assertThat(summary.timeRule() != null).as(fixture.toString()).isEqualTo(classicEvents);
            totalEvents += summary.events();
        }
        assertThat(aggregated.get()).isEqualTo(totalEvents);
    }

    /**
     * An input of blank lines only has nothing to analyse, like an empty one: its lines are counted
     * and nothing fails. Its format could not be told from them, and that failed the input (exit 1)
     * where an empty file was fine (exit 0).
     */
    @Test
    void anInputOfBlankLinesOnlyIsCountedLikeAnEmptyOne(@TempDir Path dir) throws Exception {
        Path blank = Files.writeString(dir.resolve("blank.log"), "\n\n   \n\t\n\n");

        InputSummary summary = run(List.of(blank)).inputs().get(0);

        assertThat(summary.error()).isNull();
        assertThat(summary.format()).isNull();
        assertThat(summary.lines()).isEqualTo(5);
        assertThat(summary.ignored()).isEqualTo(5);
        assertThat(summary.events()).isZero();
    }

    /**
     * The format is told from the first block with a line to tell it from: a log that opens with
     * more than a block (1 MiB) of blank lines, or with a line over the length limit, was "cannot
     * tell the format" (the cut line is left out of detection, so nothing was left).
     */
    @Test
    void aFirstBlockWithNothingToTellFromIsCountedAndTheFormatToldFromTheNext(@TempDir Path dir) throws Exception {
        Path rhel = ParseRun.resource("parse/sshd/elastic-beats-secure-rhel7.log");
        ParseRun alone = ParseRun.file(Parsers.byName("sshd"), rhel);
        int blankLines = 1_200_000;   // 1.2 MB of newlines: more than one block
        Path blankFirst = dir.resolve("blank-first.log");
        Files.writeString(blankFirst, "\n".repeat(blankLines) + Files.readString(rhel));
        Path longFirst = dir.resolve("long-first.log");
        Files.writeString(longFirst, "x".repeat(LineBlockReader.MAX_LINE_BYTES + 500_000) + "\n" + Files.readString(rhel));

        InputSummary blank = run(List.of(blankFirst)).inputs().get(0);
        InputSummary longLine = run(List.of(longFirst)).inputs().get(0);

        assertThat(blank.error()).isNull();
        assertThat(blank.format()).isEqualTo("sshd");
        assertThat(blank.lines()).isEqualTo(blankLines + alone.lines);
        assertThat(blank.ignored()).isEqualTo(blankLines + alone.ignoredCount());
        assertThat(blank.events()).isEqualTo(alone.events.size());
        assertThat(longLine.error()).isNull();
        assertThat(longLine.format()).isEqualTo("sshd");
        assertThat(longLine.events()).isEqualTo(alone.events.size());
        assertThat(longLine.skipped()).isEqualTo(1 + alone.malformed.size());
        assertThat(longLine.firstSkipped().get(0).line()).isEqualTo(1);
        assertThat(longLine.firstSkipped().get(0).reason()).contains("longer than");
    }

    /**
     * The same when inputs are read merged by time: an input whose time cannot be peeked (here, the
     * blank-only one) makes the run merge, where each input's format is told as it is opened.
     */
    @Test
    void inputsReadMergedTellTheirFormatPastBlankBlocksToo(@TempDir Path dir) throws Exception {
        Path rhel = ParseRun.resource("parse/sshd/elastic-beats-secure-rhel7.log");
        ParseRun alone = ParseRun.file(Parsers.byName("sshd"), rhel);
        Path blankOnly = Files.writeString(dir.resolve("blank.log"), "\n".repeat(1_100_000));
        Path blankFirst = Files.writeString(dir.resolve("blank-first.log"), "\n".repeat(1_100_000) + Files.readString(rhel));

        Pipeline.Result result = run(List.of(blankOnly, blankFirst, rhel));

        assertThat(result.inputs()).extracting(InputSummary::error).containsOnlyNulls();
        assertThat(result.inputs()).extracting(InputSummary::format).containsExactly(null, "sshd", "sshd");
        assertThat(result.inputs().get(0).ignored()).isEqualTo(1_100_000);
        assertThat(result.inputs().get(1).lines()).isEqualTo(1_100_000 + alone.lines);
        assertThat(result.inputs().get(1).events()).isEqualTo(alone.events.size());
    }

    private static Pipeline.Result run(List<Path> inputs) {
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2), List::of,
                () -> new Counter(new AtomicLong()), null, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        return pipeline.run(Sources.expand(inputs.stream().map(Path::toString).toList()));
    }

    @Test
    void aSyslogFileWhoseFirstSshdLineComesAfterTheHeadIsStillDetected(@TempDir Path dir) throws Exception {
        // An auth.log that opens with 300 sudo lines (a real one from the elastic fixture, repeated) and then
        // holds the whole RHEL 7 sshd fixture: no sshd line in the 200-line head, so detection refused it.
        Path rhel = ParseRun.resource("parse/sshd/elastic-beats-secure-rhel7.log");
        String sudo = Files.readAllLines(rhel).stream().filter(l -> l.contains(" sudo: ")).findFirst().orElseThrow();
        Path log = dir.resolve("auth.log");
        Files.writeString(log, (sudo + "\n").repeat(300) + Files.readString(rhel));
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2), List::of,
                () -> new Counter(new AtomicLong()), null, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        InputSummary summary = pipeline.run(Sources.expand(List.of(log.toString()))).inputs().get(0);
        assertThat(summary.error()).isNull();
        assertThat(summary.format()).isEqualTo("sshd");
        assertThat(summary.events()).isEqualTo(ParseRun.file(Parsers.byName("sshd"), rhel).events.size());
    }
}
