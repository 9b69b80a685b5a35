package org.hotline.flink.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.hotline.aggregate.SourceTally;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.pipeline.Pipeline;
import org.hotline.pipeline.PipelineListener;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;

class EventSerializerTest {
    private static final Path SAMPLES = Path.of("").toAbsolutePath().getParent().resolve("samples").resolve("logs");

    @Test
    void everyEventOfTheBundledSamplesComesBackEqual() throws Exception {
        List<Event> events = new ArrayList<>();
        new Pipeline(new Pipeline.Settings(null, 0, ZoneId.of("UTC"), 1), List::of, SourceTally::new, events::addAll,
                PipelineListener.NONE, InputStream.nullInputStream())
                .run(Sources.expand(List.of(SAMPLES.toString())));

        // web, sshd, firewall and IDS lines: four kinds of detail, and events without one
        assertThat(events).hasSize(10_000 + 376 + 1_182 + 44);
        assertThat(events).<Object>extracting(e -> e.detail() == null ? null : e.detail().getClass())
                .contains(EventDetail.HttpRequest.class, EventDetail.IdsAlert.class, EventDetail.FirewallPacket.class);
        assertThat(roundTrip(events)).isEqualTo(events);
    }

    @Test
    void theKindsOfDetailAndTheEmptyFieldsTheSamplesLackComeBackEqual() throws Exception {
        InputPosition at = new InputPosition("conn.log", 7);
        List<Event> events = List.of(
                new Event(Event.NO_TIME, null, -1, null, -1, Protocol.UNKNOWN, null, Outcome.OTHER, -1, false, at, null),
                new Event(1_000, IpAddress.parse("2001:db8::7"), 51_000, IpAddress.parse("10.0.0.1"), 22, Protocol.TCP,
                        "ssh", Outcome.CONNECTION, 300, true, at, new EventDetail.Connection("S0", 1_500, 3)),
                new Event(2_000, IpAddress.parse("198.51.100.4"), 40_000, null, 2222, Protocol.TCP, "ssh",
                        Outcome.AUTH_SUCCESS, -1, true, at,
                        new EventDetail.HoneypotAction("cowrie.login.success", "a1b2", "root", "123456", null)),
                new Event(3_000, IpAddress.parse("198.51.100.4"), 40_000, null, 22, Protocol.TCP, "ssh",
                        Outcome.AUTH_FAILURE, -1, true, at, new EventDetail.Authentication(null, true, "password")),
                new Event(4_000, IpAddress.parse("203.0.113.9"), -1, null, 80, Protocol.TCP, "http", Outcome.REQUEST,
                        -1, true, at, new EventDetail.HttpRequest("GET", "/" + "a".repeat(70_000), -1, null, null)));
        assertThat(roundTrip(events)).isEqualTo(events);
    }

    private static List<Event> roundTrip(List<Event> events) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        for (Event e : events) {
            EventSerializer.INSTANCE.serialize(e, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        List<Event> back = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            back.add(EventSerializer.INSTANCE.deserialize(in));
        }
        assertThat(in.available()).isZero();
        return back;
    }
}
