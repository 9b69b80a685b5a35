package org.hotline.flink.functions;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.hotline.event.Event;
import org.hotline.flink.records.InputFile;
import org.hotline.flink.records.InputReport;
import org.hotline.flink.records.ReportPart;
import org.hotline.pipeline.InputSummary;

/**
 * The source and parse stages of files: reads one input with core's {@code Pipeline}
 * ({@link InputReader}) exactly as {@code hotline analyze} reads it (plain or gzip, format detected
 * from its first lines, over-long lines cut and skipped, every line accounted for with the first
 * skipped line numbers), but with no detector: its events are emitted for the subtask that detects
 * on their source, and what happened to the input's lines goes to the {@link #INPUTS} side output
 * for the report.
 *
 * <p>An input is read whole by one subtask, so its lines stay in order and one parser sees them
 * all; the job spreads inputs, not lines, over the subtasks. A line that stands for several events
 * (syslog's "message repeated 3 times") is emitted as that many events, as the pipeline hands them on.
 */
public final class ParseFunction extends ProcessFunction<InputFile, Event> {
    private static final long serialVersionUID = 1L;

    /** The accounting of each input read. */
    public static final OutputTag<ReportPart> INPUTS = new OutputTag<>("inputs", TypeInformation.of(ReportPart.class));

    private final String format;
    private final int year;
    private final String zone;

    /**
     * @param format forced format name, or null to detect it per input
     * @param year   year for year-less timestamps, or 0 to infer it from the file's time
     * @param zone   zone id for timestamps that carry none
     */
    public ParseFunction(String format, int year, String zone) {
        this.format = format;
        this.year = year;
        this.zone = zone;
    }

    @Override
    public void processElement(InputFile file, Context context, Collector<Event> out) throws Exception {
        InputSummary summary = InputReader.read(file.toInput(), format, year, zone, out::collect);
        context.output(INPUTS, ReportPart.of(new InputReport(file.index(), 0, summary)));
    }
}
