package org.hotline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.zip.GZIPInputStream;
import org.hotline.aggregate.Aggregator;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.detect.DetectionPlan;
import org.hotline.event.Event;
import org.hotline.parse.ParseRun;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing detector windows while reading, in the real pipeline, on the real elastic/examples Apache
 * log (10,000 lines over four days in May 2015) cut in two like a rotated log: {@code access.log.1}
 * the first 5,000 lines, {@code access.log} the rest. The reference is the same run with
 * {@code --lateness unlimited}, which judges every window at the end, as before closing existed.
 */
class LatenessTest {
    private static final long UNLIMITED = Pipeline.UNLIMITED_LATENESS;
    private static final long DEFAULT = Pipeline.DEFAULT_LATENESS_MILLIS;

    private static final DateTimeFormatter APACHE_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    @TempDir
    Path dir;

    @Test
    void oldestFirstNothingIsLateAndTheAttacksAreThoseOfJudgingAtTheEnd() throws Exception {
        List<String> oldestFirst = rotate();
        Pipeline.Result closing = run(oldestFirst, DEFAULT, 2);
        Pipeline.Result atTheEnd = run(oldestFirst, UNLIMITED, 2);

        assertThat(atTheEnd.attacks()).hasSizeGreaterThan(20);
        assertThat(closing.attacks()).isEqualTo(atTheEnd.attacks());
        assertThat(closing.lateEvents()).isZero();
        assertThat(closing.windowsKeptOpen()).as("the parts do not overlap: windows were closed while reading").isFalse();
    }

    @Test
    void rotatedLogsGivenNewestFirstAreReadOldestFirst() throws Exception {
        List<String> oldestFirst = rotate();
        List<String> newestFirst = List.of(oldestFirst.get(1), oldestFirst.get(0));
        Pipeline.Result given = run(newestFirst, DEFAULT, 2);

        assertThat(given.lateEvents()).isZero();
        assertThat(given.windowsKeptOpen()).isFalse();
        assertThat(given.attacks()).isEqualTo(run(oldestFirst, UNLIMITED, 2).attacks());
        assertThat(given.inputs()).extracting(InputSummary::name).as("listed as given").isEqualTo(newestFirst);
    }

    @Test
    void aLogCutIntoPartsKeepsItsOrderThoughTheirFirstLinesJitter() throws Exception {
        // The sample log cut into 200 parts of 50 lines, like `split -l 50`. The log comes in hourly
        // bursts whose lines are seconds out of order, so part 8 (13:05:10 - 14:05:16) starts five
        // seconds before part 6 (13:05:15). Sorting parts on their first second read part 8 first,
        // and parts 6 and 7 were then late as a whole: 2,600 late lines and a path scan lost.
        List<String> lines = new ArrayList<>();
        for (String part : rotate()) {
            lines.addAll(Files.readAllLines(Path.of(part)));
        }
        Path cut = Files.createDirectory(dir.resolve("parts"));
        for (int i = 0; i < 200; i++) {
            writeLog(cut.resolve(String.format("part-%03d", i)), lines.subList(i * 50, i * 50 + 50));
        }
        Pipeline.Result closing = run(List.of(cut.toString()), DEFAULT, 2);

        assertThat(closing.lateEvents()).isZero();
        assertThat(closing.windowsKeptOpen()).isFalse();
        assertThat(closing.attacks()).isEqualTo(run(List.of(cut.toString()), UNLIMITED, 2).attacks());
        assertThat(closing.attacks()).extracting(Attack::type).contains(AttackType.PATH_SCAN);
    }

    @Test
    void inputsThatOverlapInTimeAreReadMergedByTime() throws Exception {
        // Two servers' logs of the same four days: the sample's odd lines and its even lines. Read
        // one after the other, the second would be late as a whole; merged by time, nothing is late,
        // windows close while reading, and the attacks are those of judging everything at the end.
        List<List<String>> servers = deal(sampleLines(), 2);
        List<String> odd = servers.get(0);
        List<String> even = servers.get(1);
        List<String> both = List.of(write("server-a.log", odd), write("server-b.log", even));
        Pipeline.Result result = run(both, DEFAULT, 2);

        assertThat(result.windowsKeptOpen()).isFalse();
        assertThat(result.lateEvents()).isZero();
        assertThat(result.attacks()).hasSizeGreaterThan(20).isEqualTo(run(both, UNLIMITED, 2).attacks());
        assertThat(result.inputs()).extracting(InputSummary::events).containsExactly(5_000L, 5_000L);

        // Every event once, with its own file and line, in time order across both (give or take the
        // seconds the sample's lines are out of order): what --events-out writes.
        List<Event> events = new ArrayList<>();
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2, DEFAULT), DetectionPlan.defaults(),
                NoAggregate::new, events::addAll, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        pipeline.run(Sources.expand(both));
        for (String file : both) {
            assertThat(events.stream().filter(e -> e.position().file().equals(file)).mapToLong(e -> e.position().line()))
                    .as(file).containsExactlyElementsOf(LongStream.rangeClosed(1, 5_000).boxed().toList());
        }
        long latest = events.get(0).time();
        for (Event e : events) {
            assertThat(e.time()).as("%s", e.position()).isGreaterThan(latest - DEFAULT / 2);
            latest = Math.max(latest, e.time());
        }
    }

    @Test
    void aSparseInputBesideADenseOneIsCutWhereTheDenseOnesLinesAreDue() throws Exception {
        // A dense log (the sample's odd lines, two blocks) and a sparse one over the same four days
        // (every 20th even line: 250 lines, one block). Handed out whole, the sparse block would move
        // the horizon four days ahead at once and make the dense log's second block late; cut at
        // the dense log's pending lines, nothing is late.
        List<String> lines = sampleLines();
        List<String> dense = new ArrayList<>();
        List<String> sparse = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i % 2 == 0) {
                dense.add(lines.get(i));
            } else if (i % 40 == 1) {
                sparse.add(lines.get(i));
            }
        }
        List<String> inputs = List.of(write("firewall-like.log", sparse), write("web.log", dense));
        for (int workers : new int[] {1, 2}) {
            Pipeline.Result result = run(inputs, DEFAULT, workers);
            assertThat(result.lateEvents()).as("%d workers", workers).isZero();
            assertThat(result.windowsKeptOpen()).isFalse();
            assertThat(result.attacks()).isEqualTo(run(inputs, UNLIMITED, workers).attacks());
            assertThat(result.inputs()).extracting(InputSummary::events).containsExactly(250L, 5_000L);
        }
    }

    @Test
    void standardInputBesideAFileIsMergedByTimeToo() throws Exception {
        // `zcat server-a.log.gz | hotline analyze - server-b.log`: stdin cannot be peeked for its
        // time, but the merge reads its first block anyway.
        List<List<String>> servers = deal(sampleLines(), 2);
        List<String> odd = servers.get(0);
        List<String> even = servers.get(1);
        byte[] stdin = (String.join("\n", odd) + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> inputs = List.of("-", write("server-b.log", even));
        Pipeline.Result merged = runWithStdin(inputs, DEFAULT, stdin);

        assertThat(merged.windowsKeptOpen()).isFalse();
        assertThat(merged.lateEvents()).isZero();
        assertThat(merged.attacks()).hasSizeGreaterThan(20).isEqualTo(runWithStdin(inputs, UNLIMITED, stdin).attacks());
        assertThat(merged.inputs()).extracting(InputSummary::events).containsExactly(5_000L, 5_000L);
    }

    @Test
    void moreOverlappingInputsThanAreMergedKeepEveryWindowOpen() throws Exception {
        // The sample dealt round-robin into 65 files of the same four days, one more than are merged.
        List<List<String>> hands = deal(sampleLines(), ReadingOrder.MAX_MERGED + 1);
        Path dealt = Files.createDirectory(dir.resolve("dealt"));
        for (int k = 0; k < hands.size(); k++) {
            writeLog(dealt.resolve(String.format("host-%02d.log", k)), hands.get(k));
        }
        List<String> inputs = List.of(dealt.toString());
        Pipeline.Result result = run(inputs, DEFAULT, 2);

        assertThat(result.inputs()).hasSize(ReadingOrder.MAX_MERGED + 1);
        assertThat(result.windowsKeptOpen()).isTrue();
        assertThat(result.lateEvents()).isZero();
        assertThat(result.attacks()).hasSizeGreaterThan(20).isEqualTo(run(inputs, UNLIMITED, 2).attacks());
    }

    private static Pipeline.Result runWithStdin(List<String> inputs, long lateness, byte[] stdin) {
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2, lateness),
                DetectionPlan.defaults(), NoAggregate::new, null, PipelineListener.NONE, new ByteArrayInputStream(stdin));
        return pipeline.run(Sources.expand(inputs));
    }

    /** The lines dealt round-robin into {@code hands} logs of the same period, as that many servers would write them. */
    private static List<List<String>> deal(List<String> lines, int hands) {
        List<List<String>> dealt = new ArrayList<>();
        for (int k = 0; k < hands; k++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < lines.size(); i++) {
            dealt.get(i % hands).add(lines.get(i));
        }
        return dealt;
    }

    private List<String> sampleLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String part : rotate()) {
            lines.addAll(Files.readAllLines(Path.of(part)));
        }
        return lines;
    }

    private String write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        writeLog(file, lines);
        return file.toString();
    }

    @Test
    void linesOutOfOrderWithinAnInputAreLateAndJudgedApart() throws Exception {
        // One file holding the newer part, then the older: every line of the older part is more
        // than 15 minutes older than the newest line before it (the cut is four days in, the newer
        // part two days long). With one worker, which lines are late does not depend on timing.
        List<String> parts = rotate();
        Path shuffled = dir.resolve("access-out-of-order.log");
        Files.write(shuffled, Files.readAllLines(Path.of(parts.get(1))));
        Files.write(shuffled, Files.readAllLines(Path.of(parts.get(0))), StandardOpenOption.APPEND);
        Pipeline.Result closing = run(List.of(shuffled.toString()), DEFAULT, 1);
        Pipeline.Result atTheEnd = run(List.of(shuffled.toString()), UNLIMITED, 1);

        assertThat(closing.lateEvents()).isEqualTo(5_000);
        assertThat(atTheEnd.lateEvents()).isZero();
        // The late part is judged among itself, so only a window holding lines of both parts is
        // judged in two halves: every attack of the unlimited run that ends an hour before the
        // cut's hour or starts two after it is found alike, and no other attack appears.
        long cut = firstTime(parts.get(0));
        long hour = 3_600_000L;
        Predicate<Attack> awayFromTheCut =
                a -> a.lastSeen() < cut / hour * hour - hour || a.firstSeen() > cut / hour * hour + 2 * hour;
        assertThat(closing.attacks()).filteredOn(awayFromTheCut)
                .containsExactlyInAnyOrderElementsOf(atTheEnd.attacks().stream().filter(awayFromTheCut).toList());
        assertThat(closing.attacks().stream().filter(awayFromTheCut).count()).isGreaterThan(20);
    }

    @Test
    void theHorizonFollowsTheFinishedPrefixOnly() {
        Horizon horizon = new Horizon(1_000);
        horizon.finished(1, 50_000);
        assertThat(horizon.closedBefore()).as("block 0 is not finished: nothing is known").isEqualTo(Long.MIN_VALUE);
        horizon.finished(0, 10_000);
        assertThat(horizon.closedBefore()).isEqualTo(49_000);
        horizon.finished(2, 20_000);
        assertThat(horizon.closedBefore()).as("an older block does not move it back").isEqualTo(49_000);
        horizon.finished(3, Long.MIN_VALUE);
        assertThat(horizon.closedBefore()).as("a block without times").isEqualTo(49_000);

        Horizon unlimited = new Horizon(Horizon.UNLIMITED);
        unlimited.finished(0, 10_000);
        assertThat(unlimited.closedBefore()).isEqualTo(Long.MIN_VALUE);
    }

    /** Writes the fixture as access.log.1 (lines 1-5,000) and access.log (the rest); returns them oldest first. */
    private List<String> rotate() throws Exception {
        Path gz = ParseRun.resource("parse/combined/elastic-apache-access.log.gz");
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        assertThat(lines).hasSize(10_000);
        Path older = dir.resolve("access.log.1");
        Path newer = dir.resolve("access.log");
        writeLog(older, lines.subList(0, 5_000));
        writeLog(newer, lines.subList(5_000, lines.size()));
        return List.of(older.toString(), newer.toString());
    }

    /**
     * Writes lines as a server writes its log: the file's modification time is when its last line
     * was written, which the pipeline takes as the latest time the file can hold.
     */
    private static void writeLog(Path file, List<String> lines) throws Exception {
        Files.write(file, lines);
        String last = lines.get(lines.size() - 1);
        String time = last.substring(last.indexOf('[') + 1, last.indexOf(']'));
        Files.setLastModifiedTime(file, FileTime.from(ZonedDateTime.parse(time, APACHE_TIME).toInstant()));
    }

    /** The time of the first line of the newer part: where the cut is. */
    private long firstTime(String older) throws Exception {
        List<Event> events = new ArrayList<>();
        Pipeline p = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 1, UNLIMITED), List::of,
                NoAggregate::new, events::addAll, PipelineListener.NONE, new ByteArrayInputStream(new byte[0]));
        p.run(Sources.expand(List.of(older)));
        return events.get(events.size() - 1).time();
    }

    private static Pipeline.Result run(List<String> inputs, long lateness, int workers) {
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, workers, lateness),
                DetectionPlan.defaults(), NoAggregate::new, null, PipelineListener.NONE,
                new ByteArrayInputStream(new byte[0]));
        return pipeline.run(Sources.expand(inputs));
    }

    /** The aggregation stage is not under test here. */
    private static final class NoAggregate implements Aggregator {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void mergeFrom(Aggregator other) {
        }
    }
}
