package org.hotline.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hotline.event.Event;
import org.hotline.pipeline.Pipeline;
import org.hotline.source.LineBlock;
import org.hotline.source.RawLine;
import org.hotline.source.StreamSource;

/**
 * Runs one parser over a fixture the way the pipeline does (the real {@link StreamSource}: gzip,
 * CRLF, blank lines counted as ignored without asking the parser, over-long lines cut) and keeps
 * what it said about every line. It fails the test at once if the parser gives a line anything but
 * exactly one verdict, or throws.
 */
public final class ParseRun implements ParseSink {
    /** A reference time well after every fixture's last line (2030-01-01T00:00:00Z), so year inference is stable. */
    public static final long REFERENCE_TIME = 1_893_456_000_000L;

    public record Malformed(long line, String reason) {}

    public final List<Event> events = new ArrayList<>();
    public final List<Malformed> malformed = new ArrayList<>();
    public final List<Long> ignoredLines = new ArrayList<>();
    public long lines;
    private long currentLine;
    private int verdicts;

    /** A fixture under {@code src/test/resources}, e.g. {@code "parse/sshd/crowdsec-sshd.log"}. */
    public static Path resource(String name) {
        URL url = ParseRun.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context the pipeline would build for {@code file}: its first lines, UTC, no --year. */
    public static FileContext context(Path file) {
        return context(file, 0, ZoneOffset.UTC);
    }

    public static FileContext context(Path file, int year, ZoneId zone) {
        List<String> head = new ArrayList<>();
        try (StreamSource source = StreamSource.open(file, file.getFileName().toString())) {
            LineBlock first = source.next();
            if (first != null) {
                first.forEachLine(line -> {
                    if (head.size() < Pipeline.HEAD_LINES) {
                        head.add(line.text());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileContext(file.getFileName().toString(), year, REFERENCE_TIME, zone, head);
    }

    public static ParseRun file(ParserSpec spec, Path file) {
        return file(spec.create(context(file)), file);
    }

    public static ParseRun file(Parser parser, Path file) {
        ParseRun run = new ParseRun();
        try (StreamSource source = StreamSource.open(file, file.getFileName().toString())) {
            for (LineBlock block = source.next(); block != null; block = source.next()) {
                block.forEachLine(line -> run.accept(parser, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** Parses the given lines as lines 1, 2, ... of an input with this context. */
    public static ParseRun lines(Parser parser, String... lines) {
        ParseRun run = new ParseRun();
        long n = 1;
        for (String text : lines) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            run.accept(parser, new RawLine(b, 0, b.length, n++, false));
        }
        return run;
    }

    /** A context for inline lines: no head, UTC, the fixed reference time. */
    public static FileContext inline(String... head) {
        return new FileContext("inline", 0, REFERENCE_TIME, ZoneOffset.UTC, List.of(head));
    }

    /** Feeds one line as the pipeline's worker would. */
    public void accept(Parser parser, RawLine line) {
        lines++;
        currentLine = line.number();
        if (line.truncated()) {
            malformed.add(new Malformed(line.number(), "cut by the reader"));
            return;
        }
        if (line.isBlank()) {
            ignoredLines.add(line.number());
            return;
        }
        verdicts = 0;
        try {
            parser.parse(line, this);
        } catch (RuntimeException e) {
            throw new AssertionError(parser.format() + " parser threw on line " + line.number() + ": " + line.text(), e);
        }
        if (verdicts != 1) {
            throw new AssertionError(parser.format() + " parser gave " + verdicts + " verdicts on line "
                    + line.number() + ": " + line.text());
        }
    }

    @Override
    public void event(Event event) {
        verdicts++;
        if (event.position().line() != currentLine) {
            throw new AssertionError("event of line " + currentLine + " says line " + event.position().line());
        }
        events.add(event);
    }

    @Override
    public void repeated(Event event, int count) {
        event(event);
        for (int i = 1; i < count; i++) {
            events.add(event);
        }
    }

    @Override
    public void ignored() {
        verdicts++;
        ignoredLines.add(currentLine);
    }

    /** Lines left aside for another format, by that format's name (they are ignored lines too). */
    public final java.util.Map<String, Long> leftAside = new java.util.TreeMap<>();

    @Override
    public void leftAside(String otherFormat) {
        ignored();
        leftAside.merge(otherFormat, 1L, Long::sum);
    }

    @Override
    public void malformed(String reason) {
        verdicts++;
        if (reason == null || reason.isBlank()) {
            throw new AssertionError("malformed without a reason on line " + currentLine);
        }
        malformed.add(new Malformed(currentLine, reason));
    }

    public long ignoredCount() {
        return ignoredLines.size();
    }

    public long count(Predicate<Event> which) {
        return events.stream().filter(which).count();
    }

    /** The only event of a one-line run. */
    public Event single() {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events.size() + "; malformed " + malformed
                    + ", ignored " + ignoredLines);
        }
        return events.get(0);
    }

    @Override
    public String toString() {
        return lines + " lines: " + events.size() + " events, " + ignoredCount() + " ignored, " + malformed.size()
                + " malformed " + malformed;
    }
}
