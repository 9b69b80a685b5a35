package org.hotline.cli;

import java.io.PrintStream;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.SourceInfo;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Progress as one JSON object per line on stderr ({@code --progress-json}), for what runs long
 * analyses unattended — a wrapper script, a dashboard, a benchmark — where the bar is for people.
 * A line when each input's reading starts, then at most four a second, and one when each input is done:
 * <pre>
 * {"seconds":1.251,"input":"access.log","bytesRead":295698432,"inputBytes":2314161280,"linesRead":1292288,"linesReadAll":1292288}
 * {"seconds":5.402,"input":"access.log","finished":true,"linesRead":10000000,"linesReadAll":10000000}
 * </pre>
 * {@code seconds} counts from the start of the analysis; lines and bytes are those read so far
 * (the workers trail the reader by a few blocks); {@code inputBytes} is null for a pipe, and both
 * byte counts are compressed bytes for a .gz. A failed input's last line carries its {@code error}.
 */
final class JsonProgress implements PipelineListener {
    private static final long EVERY_NANOS = 250_000_000L;
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastLine;
    /** Lines and bytes read so far per input: several are read at once when they are merged by time. */
    private final Map<SourceInfo, long[]> perInput = new IdentityHashMap<>();
    private long total;

    JsonProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void progress(SourceInfo info, long position, long lines) {
        long[] seen = perInput.get(info);
        boolean first = seen == null;
        if (first) {
            seen = new long[2];
            perInput.put(info, seen);
        }
        total += lines - seen[0];
        seen[0] = lines;
        seen[1] = position;
        long now = System.nanoTime();
        if (first || now - lastLine >= EVERY_NANOS) {
            lastLine = now;
            write(now, info, seen, false, null);
        }
    }

    @Override
    public void inputFinished(SourceInfo info, String error) {
        write(System.nanoTime(), info, perInput.getOrDefault(info, new long[2]), true, error);
    }

    private void write(long now, SourceInfo info, long[] seen, boolean finished, String error) {
        StringWriter line = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), line)) {
            g.writeStartObject();
            g.writeNumberProperty("seconds", Math.round((now - start) / 1e6) / 1e3);
            g.writeStringProperty("input", info.name());
            if (finished) {
                g.writeBooleanProperty("finished", true);
            } else {
                g.writeNumberProperty("bytesRead", seen[1]);
                g.writeName("inputBytes");
                if (info.size() >= 0) {
                    g.writeNumber(info.size());
                } else {
                    g.writeNull();
                }
            }
            g.writeNumberProperty("linesRead", seen[0]);
            g.writeNumberProperty("linesReadAll", total);
            if (error != null) {
                g.writeStringProperty("error", error);
            }
            g.writeEndObject();
        }
        err.println(line);
        err.flush();
    }
}
