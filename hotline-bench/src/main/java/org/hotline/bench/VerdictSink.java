package org.hotline.bench;

import org.hotline.event.Event;
import org.hotline.parse.ParseSink;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Takes a parser's verdicts the way the pipeline does, at the least cost: each event goes to the
 * {@link Blackhole} (so the JIT cannot drop the work that built it) and the three verdicts are
 * counted, which lets the smoke test check a benchmark body really parsed what it was given.
 */
final class VerdictSink implements ParseSink {
    Blackhole blackhole;
    long events;
    long ignored;
    long malformed;

    @Override
    public void event(Event event) {
        events++;
        blackhole.consume(event);
    }

    @Override
    public void ignored() {
        ignored++;
    }

    @Override
    public void malformed(String reason) {
        malformed++;
        blackhole.consume(reason);
    }

    long verdicts() {
        return events + ignored + malformed;
    }
}
