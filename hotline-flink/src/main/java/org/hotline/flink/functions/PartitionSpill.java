package org.hotline.flink.functions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.pipeline.InputSummary;
import org.hotline.pipeline.SkippedLine;
import org.hotline.source.Sources;

/**
 * One Kafka topic-partition's records, written in offset order to a local file, one record a line,
 * so that core's pipeline reads the partition exactly as it reads a log file (format detected from
 * its first lines, every line accounted for), with no change to core; and the way back from the
 * file's line numbers to the records' offsets.
 *
 * <p>Positions: core numbers lines from 1 and keeps 0 for "no position" (its evidence tables pack
 * positions with 0 as empty), while Kafka's offsets start at 0. So a Kafka record's position is
 * {@code kafka:TOPIC/PARTITION} as the file and its <em>offset + 1</em> as the line: line 1 is offset
 * 0, whatever the first offset read. The file's own line numbers are not used: a partition read
 * from its earliest offset may start past 0 (retention, deleted records), and compaction and
 * transaction markers leave gaps.
 *
 * <p>A value is one line: a trailing line end the producer added is dropped, and line ends inside
 * a value (pretty-printed JSON) become spaces, so one record never counts as two lines. A NUL byte
 * becomes U+FFFD: core refuses an input whose first block holds one as binary, and one bad record
 * must not fail its partition.
 *
 * <p>Not thread-safe; one Flink subtask owns it.
 */
final class PartitionSpill implements AutoCloseable {
    private final String name;
    private final Path file;
    private final BufferedWriter writer;
    /** Where each run of consecutive offsets starts: the spill line and the offset there, ascending. */
    private final List<long[]> runs = new ArrayList<>();
    private long lines;
    private long lastOffset = -2;
    private long newest = -1;

    /** @param name the input's name in the report and in evidence, e.g. {@code kafka:attacks/0} */
    PartitionSpill(String name, Path file) throws IOException {
        this.name = name;
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** The name of a topic-partition as the report lists it. */
    static String name(String topic, int partition) {
        return "kafka:" + topic + "/" + partition;
    }

    /** Appends the record at {@code offset}; offsets must come in ascending order, as a partition is read. */
    void append(long offset, long timestamp, String value) throws IOException {
        if (offset <= lastOffset) {
            throw new IllegalStateException(name + ": offset " + offset + " after " + lastOffset);
        }
        lines++;
        if (offset != lastOffset + 1) {
            runs.add(new long[] {lines, offset});
        }
        lastOffset = offset;
        newest = Math.max(newest, timestamp);
        writer.write(oneLine(value));
        writer.write('\n');
    }

    static String oneLine(String value) {
        String v = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\0') < 0) {
            return v;
        }
        return v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\0', '\uFFFD');
    }

    /**
     * The spilled lines as an input for core, once every record is appended. The file's time is
     * the newest record's: core takes the year of year-less syslog lines from an input's time, and
     * a record's timestamp is when its line was written, as a log file's time is.
     */
    Sources.Input finish() throws IOException {
        writer.close();
        if (newest > 0) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(newest));
        }
        return new Sources.Input(name, file, null);
    }

    /** The event at its record's position. */
    Event relocate(Event e) {
        InputPosition p = e.position();
        return new Event(e.time(), e.source(), e.sourcePort(), e.destination(), e.destinationPort(), e.protocol(),
                e.service(), e.outcome(), e.bytes(), e.handshake(), new InputPosition(name, line(p.line())), e.detail());
    }

    /**
     * The summary with the skipped lines at their records' positions; its size unknown (-1): what
     * was spilled is not the partition's size on the broker.
     */
    InputSummary relocate(InputSummary s) {
        List<SkippedLine> skipped = s.firstSkipped().stream().map(k -> new SkippedLine(line(k.line()), k.reason())).toList();
        return new InputSummary(s.name(), s.format(), s.formatForced(), -1, false, s.lines(), s.events(), s.ignored(),
                s.skipped(), skipped, s.timeRule(), s.error(), s.leftAside(), s.leftAsideFor());
    }

    /** The position (offset + 1) of the record spilled as line {@code spilled}. */
    long line(long spilled) {
        long[] run = null;
        int low = 0;
        int high = runs.size() - 1;
        while (low <= high) {   // the last run starting at or before the line
            int mid = (low + high) >>> 1;
            if (runs.get(mid)[0] <= spilled) {
                run = runs.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (run == null) {
            throw new IllegalArgumentException(name + ": no record spilled as line " + spilled);
        }
        return run[1] + (spilled - run[0]) + 1;
    }

    long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        writer.close();
        Files.deleteIfExists(file);
    }
}
