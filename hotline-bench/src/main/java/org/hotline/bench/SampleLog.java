package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.parse.FileContext;
import org.hotline.pipeline.Pipeline;
import org.hotline.source.LineBlock;
import org.hotline.source.RawLine;
import org.hotline.source.StreamSource;

/**
 * A sample log held in memory as the pipeline hands it to a parser: {@link RawLine}s over one byte
 * buffer, read with the real {@link StreamSource} (gzip, CRLF), so a benchmark times parsing and
 * nothing of the disk or the decompressor.
 *
 * <p>Blank and over-long lines are left out, as the pipeline counts them without asking a parser.
 *
 * @param lines   the non-blank lines in file order, line numbers as in the file
 * @param context what the pipeline would give the parser: the file's first lines, UTC, no --year
 */
public record SampleLog(RawLine[] lines, FileContext context) {

    /**
     * A reference time after every sample's last line (2030-01-01T00:00:00Z), as the core's parser
     * tests use: year inference for syslog then does not depend on the file's mtime after a checkout.
     */
    static final long REFERENCE_TIME = 1_893_456_000_000L;

    /** Reads {@code relative} (to the repository root), e.g. {@code samples/logs/ssh/secure.log}. */
    public static SampleLog load(String relative) {
        Path file = ProjectRoot.find().resolve(relative);
        byte[] all = new byte[1 << 20];
        int used = 0;
        List<long[]> spans = new ArrayList<>(); // {offset, length, number}
        List<String> head = new ArrayList<>();
        try (StreamSource source = StreamSource.open(file, file.getFileName().toString())) {
            for (LineBlock block = source.next(); block != null; block = source.next()) {
                // The block's buffer is reused for the next block: copy each line out.
                List<RawLine> blockLines = new ArrayList<>();
                block.forEachLine(blockLines::add);
                for (RawLine line : blockLines) {
                    if (line.isBlank() || line.truncated()) {
                        continue;
                    }
                    if (head.size() < Pipeline.HEAD_LINES) {
                        head.add(line.text());
                    }
                    if (used + line.length() > all.length) {
                        all = Arrays.copyOf(all, Math.max(all.length * 2, used + line.length()));
                    }
                    System.arraycopy(line.bytes(), line.offset(), all, used, line.length());
                    spans.add(new long[] {used, line.length(), line.number()});
                    used += line.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        RawLine[] lines = new RawLine[spans.size()];
        for (int i = 0; i < lines.length; i++) {
            long[] s = spans.get(i);
            lines[i] = new RawLine(all, (int) s[0], (int) s[1], s[2], false);
        }
        FileContext context = new FileContext(file.getFileName().toString(), 0, REFERENCE_TIME, ZoneOffset.UTC, head);
        return new SampleLog(lines, context);
    }

    /**
     * Fails at setup when the sample no longer has the line count a benchmark's
     * {@code @OperationsPerInvocation} states, which would otherwise silently skew its per-line rate.
     */
    public SampleLog expectLines(int count) {
        if (lines.length != count) {
            throw new IllegalStateException(context.name() + " has " + lines.length + " non-blank lines, the benchmark"
                    + " assumes " + count + ": update its @OperationsPerInvocation");
        }
        return this;
    }
}
