package org.hotline.bench;

import java.util.concurrent.TimeUnit;
import org.hotline.parse.Parser;
import org.hotline.parse.Parsers;
import org.hotline.source.RawLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The combined access-log parser over the 10,000 real lines of samples/logs/web/access.log.gz, in
 * file order: the order matters, since the parser caches the time per second and shares user agents
 * through a small recent-strings cache, as it would on a real log. Reported per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessLogParseBenchmark {

    static final String SAMPLE = "samples/logs/web/access.log.gz";
    static final int LINES = 10_000;

    RawLine[] lines;
    Parser parser;
    final VerdictSink sink = new VerdictSink();

    @Setup
    public void setUp() {
        SampleLog log = SampleLog.load(SAMPLE).expectLines(LINES);
        lines = log.lines();
        // Through the registry, as the pipeline makes its parsers.
        parser = Parsers.byName("combined").create(log.context());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseCombined(Blackhole blackhole) {
        sink.blackhole = blackhole;
        for (RawLine line : lines) {
            parser.parse(line, sink);
        }
    }
}
