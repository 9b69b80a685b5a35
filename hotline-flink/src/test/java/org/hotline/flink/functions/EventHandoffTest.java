package org.hotline.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.InputException;
import org.hotline.event.Event;
import org.hotline.event.InputPosition;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hand-over between the pipeline's threads and the task thread: its end, its failures, its cancellation. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventHandoffTest {
    private static final List<Event> BLOCK = List.of(new Event(Event.NO_TIME, null, -1, null, -1, Protocol.UNKNOWN,
            null, Outcome.OTHER, -1, false, new InputPosition("a.log", 1), null));

    @Test
    void blocksComeInOrderThenTheEnd() throws Exception {
        EventHandoff handoff = new EventHandoff();
        Thread producer = new Thread(() -> handoff.run(() -> {
            for (int i = 0; i < 10; i++) {   // more than the queue holds: the producer waits for the consumer
                handoff.put(BLOCK);
            }
            return null;
        }));
        producer.start();
        int blocks = 0;
        while (handoff.next() != null) {
            blocks++;
        }
        producer.join();
        assertThat(blocks).isEqualTo(10);
    }

    @Test
    void thePipelinesFailureIsThrownOnTheTaskThreadAfterItsBlocks() throws Exception {
        EventHandoff handoff = new EventHandoff();
        Thread producer = new Thread(() -> handoff.run(() -> {
            handoff.put(BLOCK);
            throw new InputException("logs/a.log: cannot tell the format");
        }));
        producer.start();
        assertThat(handoff.next()).isEqualTo(BLOCK);
        assertThatThrownBy(handoff::next).isInstanceOf(InputException.class).hasMessageContaining("logs/a.log");
        producer.join();
    }

    @Test
    void cancellingReleasesAPipelineWaitingOnAFullQueue() throws Exception {
        EventHandoff handoff = new EventHandoff();
        Thread producer = new Thread(() -> handoff.run(() -> {
            for (int i = 0; i < 1_000; i++) {   // waits on the full queue until cancelled, then drops the rest
                handoff.put(BLOCK);
            }
            return null;
        }));
        producer.start();
        handoff.next();
        handoff.cancel();
        producer.join();
        assertThat(producer.isAlive()).isFalse();
    }
}
