package org.hotline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.hotline.parse.FileContext;
import org.hotline.parse.ParserSpec;
import org.hotline.parse.Parsers;
import org.hotline.source.LineBlock;
import org.hotline.source.Source;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pieces of a merged input end exactly at the bound: a line of the real elastic/examples Apache
 * log repeated 60,000 times (about 12 MiB, a dozen blocks) with one second between lines, a few
 * of them blank or malformed, cut at random bounds. Every line is handed out once, in order.
 */
class MergedInputTest {
    private static final String LINE = "83.149.9.216 - - [%s] \"GET /presentations/logstash-monitorama-2013/images/kibana-search.png"
            + " HTTP/1.1\" 200 203023 \"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0"
            + " (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36\"";
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long T0 = Instant.parse("2015-05-17T10:05:03Z").toEpochMilli();
    private static final int LINES = 60_000;

    @TempDir
    Path dir;

    @Test
    void piecesEndAtTheLastLineNoLaterThanTheBound() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(i % 997 == 5 ? "" : i % 1009 == 7 ? "garbage line" : String.format(LINE, CLF.format(Instant.ofEpochMilli(time(i)))));
        }
        Path file = dir.resolve("access.log");
        Files.write(file, lines);

        // Where the reader's blocks end, read independently: a piece may also end there.
        Set<Integer> blockEnds = new HashSet<>();
        try (Source blocks = Sources.open(Sources.expand(List.of(file.toString())).get(0), new ByteArrayInputStream(new byte[0]))) {
            int seen = 0;
            for (LineBlock b = blocks.next(); b != null; b = blocks.next()) {
                seen += (int) b.lineCount();
                blockEnds.add(seen);
            }
        }
        assertThat(blockEnds).hasSizeGreaterThan(5);

        ParserSpec spec = Parsers.byName("combined");
        try (Source source = Sources.open(Sources.expand(List.of(file.toString())).get(0), new ByteArrayInputStream(new byte[0]))) {
            LineBlock first = source.next();
            FileContext context = new FileContext(file.toString(), 0, System.currentTimeMillis(), ZoneOffset.UTC, List.of());
            MergedInput input = new MergedInput(0, source, spec, context, first);
            Random random = new Random(3);
            long expectedLine = 1;
            int pieces = 0;
            while (!input.exhausted()) {
                int at = (int) (expectedLine - 1);
                assertThat(input.start()).as("start at line %d", expectedLine).isEqualTo(time(firstTimed(lines, at)));
                // Mostly short pieces (a few lines to a few hundred), now and then past the block.
                long bound = input.start() + (random.nextInt(8) == 0 ? 20_000_000L : random.nextInt(300) * 1_000L);
                LineBlock piece = input.take(bound);
                input.advance();
                pieces++;
                assertThat(piece.firstLine()).isEqualTo(expectedLine);
                int end = at + (int) piece.lineCount();   // index after the piece's last line
                for (int i = at; i < end; i++) {
                    assertThat(i == at || time(i) <= bound).as("line %d of a piece up to %d", i + 1, bound).isTrue();
                }
                if (end < LINES && !blockEnds.contains(end)) {
                    assertThat(time(firstTimed(lines, end))).as("line %d, after a piece up to %d", end + 1, bound)
                            .isGreaterThan(bound);
                }
                expectedLine += piece.lineCount();
            }
            assertThat(expectedLine - 1).isEqualTo(LINES);
            assertThat(pieces).isGreaterThan(60);
        }
    }

    private static long time(int line) {
        return T0 + line * 1_000L;
    }

    /** Index of the first line at or after {@code i} that has a time (not blank, not garbage). */
    private static int firstTimed(List<String> lines, int i) {
        while (lines.get(i).isEmpty() || lines.get(i).startsWith("garbage")) {
            i++;
        }
        return i;
    }
}
