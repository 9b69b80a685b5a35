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
 * The sshd syslog parser over the 1,000 real lines of samples/logs/ssh/secure.log (RHEL 7), in file
 * order. The mix is the real one: failed passwords become events, PAM chatter and other programs'
 * lines are read only far enough to be ignored, and both costs belong in a per-line rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SshdParseBenchmark {

    static final String SAMPLE = "samples/logs/ssh/secure.log";
    static final int LINES = 1_000;

    RawLine[] lines;
    Parser parser;
    final VerdictSink sink = new VerdictSink();

    @Setup
    public void setUp() {
        SampleLog log = SampleLog.load(SAMPLE).expectLines(LINES);
        lines = log.lines();
        parser = Parsers.byName("sshd").create(log.context());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseSshd(Blackhole blackhole) {
        sink.blackhole = blackhole;
        for (RawLine line : lines) {
            parser.parse(line, sink);
        }
    }
}
