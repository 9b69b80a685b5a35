package org.hotline.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.event.Event;
import org.hotline.source.RawLine;

/**
 * Picks an input's format by letting every registered parser read its first lines: the parser that
 * turns the most lines into events wins, then the one with the fewest malformed lines, then the one
 * listed first. Needing no per-format sniffing code, it cannot drift from what the parsers accept.
 *
 * <p>A format is only chosen if it made at least one event and found at most a third of the
 * non-blank lines malformed; otherwise detection fails and the user is told to pass {@code --format}.
 */
public final class FormatDetector {
    private final List<ParserSpec> candidates;

    public FormatDetector(List<ParserSpec> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    public FormatDetector() {
        this(Parsers.all());
    }

    public Optional<ParserSpec> detect(FileContext context) {
        List<RawLine> lines = new ArrayList<>();
        long n = 0;
        for (String text : context.head()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            RawLine line = new RawLine(bytes, 0, bytes.length, ++n, false);
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        ParserSpec best = null;
        Score bestScore = null;
        for (ParserSpec spec : candidates) {
            Score score = score(spec.create(context), lines);
            if (score.events == 0 || score.malformed * 3 > score.lines) {
                continue;
            }
            if (bestScore == null || score.beats(bestScore)) {
                best = spec;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Lets the parser read the lines, and stops as soon as more than a third of all of them are
     * malformed: the format can no longer be chosen. Why: detection runs before the first block
     * goes to the workers, in code not yet compiled, and the parsers of the wrong formats reading
     * all 200 lines each was 58 ms of every run; they now stop after about 67.
     */
    private static Score score(Parser parser, List<RawLine> lines) {
        Score s = new Score();
        for (RawLine line : lines) {
            s.lines++;
            try {
                parser.parse(line, s);
            } catch (RuntimeException e) {
                // A parser that throws breaks its contract; for detection it simply did not read the line.
                s.malformed++;
            }
            if (s.malformed * 3 > lines.size()) {
                s.lines = lines.size();   // what it would have read; it cannot qualify either way
                break;
            }
        }
        return s;
    }

    private static final class Score implements ParseSink {
        int lines;
        int events;
        int ignored;
        int malformed;

        @Override
        public void event(Event event) {
            events++;
        }

        @Override
        public void ignored() {
            ignored++;
        }

        @Override
        public void malformed(String reason) {
            malformed++;
        }

        boolean beats(Score o) {
            if (events != o.events) {
                return events > o.events;
            }
            return malformed < o.malformed;
        }
    }
}
