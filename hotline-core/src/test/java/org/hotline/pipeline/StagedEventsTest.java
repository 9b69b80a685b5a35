package org.hotline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.aggregate.Aggregator;
import org.hotline.event.Event;
import org.hotline.parse.ParseRun;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;

/**
 * A {@link StagedEvents} consumer has its blocks encoded by the workers side by side, and still
 * receives them, encoded, in input order.
 */
class StagedEventsTest {
    /** Real inputs of several blocks each: the access log alone is ~2.4 MB unpacked. */
    private static final List<String> INPUTS = List.of("combined/elastic-apache-access.log.gz",
            "sshd/elastic-beats-secure-rhel7.log", "netfilter/dunneja-iptables.log");

    @Test
    void twoWorkersEncodeAtOnceAndTheWritesKeepInputOrder() {
        List<Event> plain = new ArrayList<>();
        run(plain::addAll);

        // The first two blocks' encodings each wait until both have begun: had the pipeline encoded
        // under its ordering lock, one at a time, the first would wait in vain.
        CountDownLatch bothEncoding = new CountDownLatch(2);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        List<Event> written = new ArrayList<>();
        run(new StagedEvents<List<Event>>() {
            @Override
            public List<Event> encode(List<Event> events) {
                bothEncoding.countDown();
                try {
                    if (!bothEncoding.await(20, TimeUnit.SECONDS)) {
                        overlapped.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.copyOf(events);
            }

            @Override
            public void write(List<Event> encoded) {
                written.addAll(encoded);
            }
        });

        assertThat(overlapped).as("a second worker encoded while the first was encoding").isTrue();
        assertThat(plain).hasSizeGreaterThan(10_000);
        assertThat(written).isEqualTo(plain);
    }

    private static void run(java.util.function.Consumer<List<Event>> eventsOut) {
        List<String> paths = INPUTS.stream().map(f -> ParseRun.resource("parse/" + f)).map(Path::toString).toList();
        new Pipeline(new Pipeline.Settings(null, 2029, ZoneOffset.UTC, 2), List::of, NoAggregate::new, eventsOut,
                PipelineListener.NONE, new ByteArrayInputStream(new byte[0])).run(Sources.expand(paths));
    }

    private static final class NoAggregate implements Aggregator {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void mergeFrom(Aggregator other) {
        }
    }
}
