package org.hotline.flink.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.hotline.event.Event;
import org.hotline.flink.records.InputReport;
import org.hotline.flink.records.KafkaLine;
import org.hotline.flink.records.ReportPart;
import org.hotline.pipeline.InputSummary;

/**
 * The parse stage of Kafka records, chained to the Kafka source so that it sees each partition's
 * records in offset order, as the source's reader fetched them: every topic-partition is one
 * input, its lines gathered on local disk ({@link PartitionSpill}) and, once the bounded read has
 * ended, read whole by core's pipeline ({@link InputReader}) as a file is, its format detected from
 * its first records or forced; its events are emitted at their records' positions, its accounting
 * goes to the {@link ParseFunction#INPUTS} side output, as for a file.
 *
 * <p>Why gather first: a subtask may read several partitions, their records interleaved, and core
 * reads one input from start to end; and it has no way in but a file or a stream. Gathering needs
 * local disk for the partitions' lines, not memory.
 *
 * <p>An operator rather than a function because it must emit at the end of its input, which only
 * {@link BoundedOneInput#endInput} allows.
 */
public final class KafkaParseOperator extends AbstractStreamOperator<Event>
        implements OneInputStreamOperator<KafkaLine, Event>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> topics;
    private final int firstIndex;
    private final String format;
    private final int year;
    private final String zone;

    private transient Path directory;
    /** By topic's place as given, then partition: the order of the report. */
    private transient Map<InputKey, PartitionSpill> spills;

    /**
     * @param topics     the topics as given, for the order of the report
     * @param firstIndex the report's place of the first topic (after the files)
     * @param format     forced format name, or null to detect it per topic-partition
     * @param year       year for year-less timestamps, or 0 to infer it from the records' times
     * @param zone       zone id for timestamps that carry none
     */
    public KafkaParseOperator(List<String> topics, int firstIndex, String format, int year, String zone) {
        this.topics = new ArrayList<>(topics);
        this.firstIndex = firstIndex;
        this.format = format;
        this.year = year;
        this.zone = zone;
    }

    private record InputKey(int index, int partition) {}

    @Override
    public void open() throws Exception {
        super.open();
        directory = Files.createTempDirectory("hotline-kafka-");
        spills = new TreeMap<>(Comparator.comparingInt(InputKey::index).thenComparingInt(InputKey::partition));
    }

    @Override
    public void processElement(StreamRecord<KafkaLine> element) throws IOException {
        KafkaLine r = element.getValue();
        InputKey key = new InputKey(firstIndex + topics.indexOf(r.topic()), r.partition());
        PartitionSpill spill = spills.get(key);
        if (spill == null) {
            spill = new PartitionSpill(PartitionSpill.name(r.topic(), r.partition()),
                    directory.resolve(r.topic() + "-" + r.partition() + ".lines"));
            spills.put(key, spill);
        }
        spill.append(r.offset(), r.timestamp(), r.value());
    }

    @Override
    public void endInput() throws Exception {
        for (Map.Entry<InputKey, PartitionSpill> entry : spills.entrySet()) {
            PartitionSpill spill = entry.getValue();
            InputSummary summary = InputReader.read(spill.finish(), format, year, zone,
                    e -> output.collect(new StreamRecord<>(spill.relocate(e))));
            InputReport report = new InputReport(entry.getKey().index(), entry.getKey().partition(), spill.relocate(summary));
            output.collect(ParseFunction.INPUTS, new StreamRecord<>(ReportPart.of(report)));
            spill.close();   // its lines are read: free the disk before the next
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (spills != null) {
                for (PartitionSpill spill : spills.values()) {
                    spill.close();
                }
            }
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        } finally {
            super.close();
        }
    }
}
