package org.hotline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hotline.event.Event;
import org.hotline.source.LineBlockReader;
import org.hotline.source.RawLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every parser must do, after IntelMQ's {@code BotTestCase}: each parser's test implements
 * this interface, names its format, its real fixtures and one truncated line, and inherits these
 * tests. Bad input is counted as malformed with its line number and a reason, never thrown, never
 * dropped; every line gets exactly one verdict ({@link ParseRun} fails the test otherwise).
 *
 * <p>Rejection cases live as files in {@code parse/<format>/malformed/*.log}, each line that must be
 * refused announced by a comment line {@code # wantError: line N: <part of the reason>}. Lines
 * starting with "# " are comments for this test and are not parsed (they keep their line numbers).
 */
public interface ParserContract {

    /** The registered format name, e.g. "sshd". */
    String format();

    /** Real fixtures as test resource names, the first one a typical file of the format. */
    List<String> fixtures();

    /** A line of the format cut short so that no event can be read from it. */
    String truncatedLine();

    default Parser parser() {
        return Parsers.byName(format()).create(ParseRun.context(ParseRun.resource(fixtures().get(0))));
    }

    /** The first line of the first fixture that yields an event, as text. */
    default String goodLine() {
        Path file = ParseRun.resource(fixtures().get(0));
        ParseRun run = ParseRun.file(parser(), file);
        long n = run.events.get(0).position().line();
        return lines(file).get((int) n - 1);
    }

    @Test
    default void isRegisteredUnderItsName() {
        assertThat(parser().format()).isEqualTo(format());
        assertThat(Parsers.byName(format()).description()).isNotBlank();
    }

    @Test
    default void emptyInputHasNoLines(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);
        ParseRun run = ParseRun.file(Parsers.byName(format()), empty);
        assertThat(run.lines).isZero();
        assertThat(run.events).isEmpty();
    }

    @Test
    default void emptyLineGetsOneVerdictAndNoEvent() {
        ParseRun run = new ParseRun();
        Parser parser = parser();
        // The pipeline never hands a parser a blank line, but a parser must survive one anyway.
        parser.parse(new RawLine(new byte[0], 0, 0, 1, false), run);
        assertThat(run.events).isEmpty();
        assertThat(run.ignoredCount() + run.malformed.size()).isEqualTo(1);
    }

    @Test
    default void binaryLineIsMalformedWithItsLineNumber() {
        byte[] noise = new byte[300];
        new Random(42).nextBytes(noise);
        noise[0] = 0;
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == '\n' || noise[i] == '\r') {
                noise[i] = 1;
            }
        }
        ParseRun run = new ParseRun();
        Parser parser = parser();
        byte[] good = goodLine().getBytes(StandardCharsets.ISO_8859_1);
        run.accept(parser, new RawLine(good, 0, good.length, 1, false));
        run.accept(parser, new RawLine(noise, 0, noise.length, 2, false));
        assertThat(run.events).hasSize(1);
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(2L);
    }

    @Test
    default void overlongLineIsMalformed() {
        byte[] text = new byte[200_000];
        Arrays.fill(text, (byte) 'A');
        ParseRun run = new ParseRun();
        run.accept(parser(), new RawLine(text, 0, text.length, 7, false));
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(7L);
    }

    @Test
    default void lineCutByTheReaderIsCountedWithItsNeighbours(@TempDir Path dir) throws IOException {
        String good = goodLine();
        byte[] huge = new byte[LineBlockReader.MAX_LINE_BYTES + 10];
        Arrays.fill(huge, (byte) 'B');
        Path file = dir.resolve("long.log");
        try (var out = Files.newOutputStream(file)) {
            out.write((good + "\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(huge);
            out.write(("\n" + good + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        ParseRun run = ParseRun.file(parser(), file);
        assertThat(run.lines).isEqualTo(3);
        assertThat(run.events).extracting(e -> e.position().line()).containsExactly(1L, 3L);
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(2L);
    }

    @Test
    default void truncatedLineIsMalformedWithItsLineNumber() {
        ParseRun run = ParseRun.lines(parser(), goodLine(), truncatedLine());
        assertThat(run.events).hasSize(1);
        assertThat(run.malformed).extracting(ParseRun.Malformed::line).containsExactly(2L);
    }

    @Test
    default void everyPrefixOfRealLinesGetsExactlyOneVerdictWithoutReadingPastItsEnd() {
        Parser parser = parser();
        for (String fixture : fixtures()) {
            List<String> lines = lines(ParseRun.resource(fixture));
            for (String text : lines.subList(0, Math.min(25, lines.size()))) {
                byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
                for (int cut = 0; cut <= b.length; cut++) {
                    // The prefix alone in an array that ends where it ends (after 3 bytes of other data):
                    // a parser reading past the line's end throws here instead of reading the next line.
                    byte[] exact = new byte[cut + 3];
                    System.arraycopy(b, 0, exact, 3, cut);
                    new ParseRun().accept(parser, new RawLine(exact, 3, cut, 1, false)); // one verdict, no throw
                }
            }
        }
    }

    @Test
    default void fixturesAccountForEveryLine() {
        for (String fixture : fixtures()) {
            Path file = ParseRun.resource(fixture);
            ParseRun run = ParseRun.file(parser(Parsers.byName(format()), file), file);
            assertThat(run.lines).as(fixture).isEqualTo(lines(file).size());
            assertThat(run.events.size() + run.ignoredCount() + run.malformed.size()).as(fixture).isEqualTo(run.lines);
            assertThat(run.events).as(fixture + " yields events").isNotEmpty();
            for (Event e : run.events) {
                assertThat(e.position().file()).isEqualTo(file.getFileName().toString());
            }
        }
    }

    @Test
    default void malformedFixturesReportTheirErrors() throws IOException {
        Path dir = ParseRun.resource("parse/" + format() + "/malformed");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(files).as("malformed fixtures for " + format()).isNotEmpty();
        for (Path file : files) {
            List<String> lines = lines(file);
            TreeMap<Long, String> wanted = new TreeMap<>();
            Parser parser = parser(Parsers.byName(format()), file);
            ParseRun run = new ParseRun();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i);
                if (text.startsWith("# wantError: line ")) {
                    String rest = text.substring("# wantError: line ".length());
                    int colon = rest.indexOf(": ");
                    wanted.put(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 2));
                } else if (!text.startsWith("# ")) {
                    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
                    run.accept(parser, new RawLine(b, 0, b.length, i + 1, false));
                }
            }
            assertThat(wanted).as(file.getFileName() + " declares its errors").isNotEmpty();
            assertThat(run.malformed).extracting(ParseRun.Malformed::line).as(file.getFileName().toString())
                    .containsExactlyElementsOf(wanted.keySet());
            for (ParseRun.Malformed m : run.malformed) {
                assertThat(m.reason()).as(file.getFileName() + " line " + m.line()).contains(wanted.get(m.line()));
            }
        }
    }

    private static Parser parser(ParserSpec spec, Path file) {
        return spec.create(ParseRun.context(file));
    }

    /** The file's lines as ISO-8859-1 text (bytes kept one to one), gunzipped if needed. */
    static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(Arrays.asList(all.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
