package org.hotline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.hotline.InputException;
import org.hotline.aggregate.Aggregator;
import org.hotline.detect.DetectionPlan;
import org.hotline.event.Event;
import org.hotline.parse.ParseRun;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;

/**
 * {@link Pipeline#abort} stops a run that would otherwise never end: stdin repeats the real
 * elastic/examples Apache log forever, and the run must stop reading and throw the reason given.
 */
class PipelineAbortTest {

    @Test
    void anAbortedRunStopsReadingAndThrowsTheReason() throws Exception {
        byte[] log;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ParseRun.resource("parse/combined/elastic-apache-access.log.gz")))) {
            log = in.readAllBytes();
        }
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int at = (int) (served.get() % log.length);
                int n = Math.min(len, log.length - at);
                System.arraycopy(log, at, b, off, n);
                served.addAndGet(n);
                return n;
            }
        };
        Pipeline pipeline = new Pipeline(new Pipeline.Settings(null, 0, ZoneOffset.UTC, 2), DetectionPlan.defaults(),
                NoAggregate::new, null, PipelineListener.NONE, endless);
        CompletableFuture<Pipeline.Result> run = CompletableFuture.supplyAsync(() -> pipeline.run(Sources.expand(List.of("-"))));

        while (served.get() < 10L * log.length) {   // it is reading: ten copies in
            assertThat(run).isNotDone();
            Thread.sleep(10);
        }
        InputException reason = new InputException("--geo-db broken.mmdb: not a readable MaxMind DB (.mmdb) file");
        pipeline.abort(reason);
        pipeline.abort(new InputException("a later reason"));   // the first wins

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCause(reason);
        long after = served.get();
        Thread.sleep(Duration.ofMillis(200).toMillis());
        assertThat(served.get()).as("nothing is read once the run has thrown").isEqualTo(after);
    }

    /** The aggregation stage is not under test here. */
    private static final class NoAggregate implements Aggregator {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void mergeFrom(Aggregator other) {
        }
    }
}
