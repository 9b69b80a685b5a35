package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --follow}'s reading: a real access log (the elastic/examples Apache sample, see
 * report/accesslog/apache-1000.log.license) written into a file a few lines at a time while it is
 * followed, rotated and truncated the ways logrotate does it. Every line must come out once, whole,
 * in order, with its number, and only once it is whole.
 */
@Timeout(30)
class FollowingTest {
    private static final long POLL = 10;

    @TempDir
    Path dir;

    private static List<String> sample() throws IOException {
        try (var in = FollowingTest.class.getResourceAsStream("/report/accesslog/apache-1000.log")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void append(Path file, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Reads a followed source on another thread, as the pipeline's reader does, until it ends. */
    private static final class Reader {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> done;
        final Following following;

        /** Follows {@code log} until {@code stop}, reading on another thread. */
        Reader(Path log, FollowStop stop) {
            this(new Sources.Input(log.getFileName().toString(), log, null), null, stop);
        }

        /** Follows {@code input} ({@code stdin} for "-") until {@code stop}, reading on another thread. */
        Reader(Sources.Input input, java.io.InputStream stdin, FollowStop stop) {
            following = new Following(stop, POLL);
            // Opened there too: opening reads the first bytes, which a pipe may not have yet.
            done = CompletableFuture.runAsync(() -> {
                try (Source source = following.open(input, stdin, null)) {
                    for (LineBlock b = source.next(); b != null; b = source.next()) {
                        b.forEachLine(l -> lines.add(l.number() + ":" + l.text()));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        void awaitLines(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(lines).as("lines handed out so far").hasSizeGreaterThanOrEqualTo(n);
        }
    }

    private static List<String> numbered(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add((i + 1) + ":" + lines.get(i));
        }
        return out;
    }

    private Source follow(Path file, FollowStop stop) {
        return new Following(stop, POLL).open(new Sources.Input(file.getFileName().toString(), file, null), null, null);
    }

    @Test
    void linesWrittenAfterTheEndAreReadAsTheyComeAndAHalfWrittenLineWaitsForItsEnd() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        append(log, joined(sample.subList(0, 300)));
        FollowStop stop = FollowStop.onRequest();
        Reader reader = new Reader(log, stop);

        // Handed out without an end of input: the file has simply nothing more for now.
        reader.awaitLines(300);
        append(log, joined(sample.subList(300, 310)));
        reader.awaitLines(310);
        // Half of line 311, then a pause: it must not come out cut.
        String line311 = sample.get(310);
        append(log, line311.substring(0, 40));
        Thread.sleep(20 * POLL);
        assertThat(reader.lines).hasSize(310);
        append(log, line311.substring(40) + "\n" + joined(sample.subList(311, 600)));
        reader.awaitLines(600);

        assertThat(stop.request("the test's stop")).isTrue();
        reader.done.get(10, TimeUnit.SECONDS);
        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 600)));
        assertThat(stop.reason()).isEqualTo("the test's stop");
        assertThat(stop.request("again")).isFalse();
    }

    @Test
    void aRotatedLogIsReadToItsEndAndTheNewFileTakenUpOnceItsWriterMovesOver() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        append(log, joined(sample.subList(0, 100)));
        FollowStop stop = FollowStop.onRequest();
        Reader reader = new Reader(log, stop);
        reader.awaitLines(100);

        // logrotate renames the log and creates an empty one; the server writes on into the renamed
        // file until it is told to reopen its log.
        Files.move(log, rotated);
        append(rotated, joined(sample.subList(100, 150)));
        Files.createFile(log);
        Thread.sleep(20 * POLL);
        append(rotated, joined(sample.subList(150, 170)));
        reader.awaitLines(170);
        // Reopened: from now on the new file gets the lines.
        append(log, joined(sample.subList(170, 260)));
        reader.awaitLines(260);
        stop.request("done");
        reader.done.get(10, TimeUnit.SECONDS);

        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 260)));
        assertThat(reader.following.statement())
                .startsWith("input access.log: followed for ")
                .contains("until done: lines written after that are not in this report")
                .contains("replaced by a new file (rotated) at line 171:");
    }

    @Test
    void aLineLeftHalfWrittenWhenTheLogIsRotatedStaysALineOfItsOwn() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        String half = sample.get(100).substring(0, 50);
        append(log, joined(sample.subList(0, 100)) + half);
        FollowStop stop = FollowStop.onRequest();
        Reader reader = new Reader(log, stop);
        reader.awaitLines(100);

        Files.move(log, dir.resolve("access.log.1"));
        append(log, joined(sample.subList(101, 200)));
        reader.awaitLines(200);
        stop.request("done");
        reader.done.get(10, TimeUnit.SECONDS);

        // Glued to the new file's first line, it made one bogus request of two lines and lost the second.
        List<String> expected = new ArrayList<>(numbered(sample.subList(0, 100)));
        expected.add("101:" + half);
        for (int i = 101; i < 200; i++) {
            expected.add((i + 1) + ":" + sample.get(i));
        }
        assertThat(reader.lines).containsExactlyElementsOf(expected);
        assertThat(reader.following.statement()).contains("rotated) at line 102:");
    }

    @Test
    void aDirectoryOrAnUnreadableFileUnderTheNameIsNotTakenForTheNextLog() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        append(log, joined(sample.subList(0, 50)));
        FollowStop stop = FollowStop.onRequest();
        Reader reader = new Reader(log, stop);
        reader.awaitLines(50);

        Files.move(log, rotated);
        Files.createDirectory(log);
        Thread.sleep(20 * POLL);
        append(rotated, joined(sample.subList(50, 80)));
        reader.awaitLines(80);
        stop.request("done");
        reader.done.get(10, TimeUnit.SECONDS);

        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 80)));
        assertThat(reader.following.statement()).doesNotContain("rotated");
    }

    @Test
    void aLogTruncatedInPlaceIsReadAgainFromItsStart() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        append(log, joined(sample.subList(0, 100)));
        FollowStop stop = FollowStop.onRequest();
        Reader reader = new Reader(log, stop);
        reader.awaitLines(100);

        // copytruncate: the lines were copied elsewhere, the file cut to nothing, and written on.
        try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        Thread.sleep(20 * POLL);
        append(log, joined(sample.subList(100, 130)));
        reader.awaitLines(130);
        stop.request("done");
        reader.done.get(10, TimeUnit.SECONDS);

        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 130)));
        assertThat(reader.following.statement()).contains("truncated and read again from its start at line 101");
    }

    @Test
    void everyLineWrittenBeforeTheStopIsReadAndNoLineAfter() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        append(log, joined(sample.subList(0, 700)));
        FollowStop stop = FollowStop.onRequest();
        // Asked before the first line is read: what the file holds then is still read, all of it.
        stop.request("before the first line");
        Reader reader = new Reader(log, stop);
        reader.done.get(10, TimeUnit.SECONDS);
        append(log, joined(sample.subList(700, 710)));

        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 700)));
    }

    @Test
    void aLineHalfWrittenWhenTheStopComesIsReadAsItStood() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        String half = sample.get(10).substring(0, 30);
        append(log, joined(sample.subList(0, 10)) + half);
        FollowStop stop = FollowStop.onRequest();
        stop.request("mid-line");
        Reader reader = new Reader(log, stop);
        reader.done.get(10, TimeUnit.SECONDS);

        // Not waited for, and not dropped: it is line 11 as far as it was written (a parser then says
        // what is wrong with it, with its number).
        List<String> expected = new ArrayList<>(numbered(sample.subList(0, 10)));
        expected.add("11:" + half);
        assertThat(reader.lines).containsExactlyElementsOf(expected);
    }

    @Test
    void aTimeLimitEndsFollowingByItself() throws Exception {
        List<String> sample = sample();
        Path log = dir.resolve("access.log");
        append(log, joined(sample.subList(0, 5)));
        FollowStop stop = FollowStop.after(Duration.ofMillis(300), "--follow-for elapsed");
        long start = System.nanoTime();
        Reader reader = new Reader(log, stop);
        reader.done.get(10, TimeUnit.SECONDS);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 5)));
        assertThat(stop.reason()).isEqualTo("--follow-for elapsed");
    }

    /**
     * {@code journalctl -f | hotline analyze --follow -}, stopped by SIGTERM to Hotline alone: the
     * writer goes on and the pipe stays open, yet the input ends with what had come in. The pipe is
     * a real one, through {@code cat}.
     */
    @Test
    void standardInputIsReadUntilTheStopThoughItsWriterGoesOn() throws Exception {
        List<String> sample = sample();
        Process cat = new ProcessBuilder("cat").start();
        try {
            FollowStop stop = FollowStop.onRequest();
            Reader reader = new Reader(new Sources.Input("-", null, null), cat.getInputStream(), stop);
            OutputStream writer = cat.getOutputStream();
            writer.write(joined(sample.subList(0, 50)).getBytes(StandardCharsets.UTF_8));
            writer.flush();
            reader.awaitLines(50);
            stop.request("the test's stop");
            reader.done.get(10, TimeUnit.SECONDS);

            assertThat(cat.isAlive()).as("the writer is still there").isTrue();
            assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 50)));
            assertThat(reader.following.statement()).matches("input -: followed for \\d+s, until the test's stop: lines sent"
                    + " after that are not in this report");
        } finally {
            cat.destroy();
        }
    }

    @Test
    void standardInputThatEndsEndsTheFollowing() throws Exception {
        List<String> sample = sample();
        Process cat = new ProcessBuilder("cat").start();
        try {
            Reader reader = new Reader(new Sources.Input("-", null, null), cat.getInputStream(), FollowStop.onRequest());
            try (OutputStream writer = cat.getOutputStream()) {
                writer.write(joined(sample.subList(0, 30)).getBytes(StandardCharsets.UTF_8));
            }
            reader.done.get(10, TimeUnit.SECONDS);

            assertThat(reader.lines).containsExactlyElementsOf(numbered(sample.subList(0, 30)));
            assertThat(reader.following.statement()).endsWith(", until it ended");
        } finally {
            cat.destroy();
        }
    }

    @Test
    void whatCannotBeFollowedIsRefusedWithTheReason() throws Exception {
        Path gz = dir.resolve("old.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(joined(sample().subList(0, 5)).getBytes(StandardCharsets.UTF_8));
        }
        FollowStop stop = FollowStop.onRequest();
        assertThatThrownBy(() -> follow(gz, stop)).isInstanceOf(InputException.class)
                .hasMessage("old.log.gz: gzip data, which --follow cannot read as it grows (a compressed log is complete):"
                        + " analyse it without --follow");
        assertThatThrownBy(() -> follow(dir, stop)).isInstanceOf(InputException.class)
                .hasMessageEndingWith(": --follow reads a regular file as it grows, and this is not one");
        Following one = new Following(stop, POLL);
        Path a = dir.resolve("a.log");
        append(a, joined(sample().subList(0, 1)));
        one.open(new Sources.Input("a.log", a, null), null, null).close();
        assertThatThrownBy(() -> one.open(new Sources.Input("a.log", a, null), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("--follow reads one file");
    }
}
