package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.Fixtures;
import org.hotline.event.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventsOutWriterTest {

    @Test
    void writesOneEnrichedObjectPerEventAndLineWithItsPosition() {
        List<Event> apache = Fixtures.apache();
        List<Event> zeek = Fixtures.zeek();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventsOutWriter w = new EventsOutWriter("events.jsonl", out, Fixtures.origins(Set.of(FixtureReport.TOR)))) {
            w.accept(apache.subList(0, 500));
            w.accept(apache.subList(500, 1000));
            w.accept(zeek);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1034);
        // line 1 of the access log: 83.149.9.216, 17/May/2015:10:05:03 +0000, GET ... 200 203023; RU in origins.tsv
        JsonNode first = ReportJsonMapper.MAPPER.readTree(lines.get(0));
        assertThat(first.get("time").asString()).isEqualTo("2015-05-17T10:05:03Z");
        assertThat(first.get("source").asString()).isEqualTo("83.149.9.216");
        assertThat(first.get("bytes").asLong()).isEqualTo(203023);
        assertThat(first.get("verification").asString()).isEqualTo("handshake");
        assertThat(first.get("detail").get("kind").asString()).isEqualTo("http");
        assertThat(first.get("detail").get("status").asInt()).isEqualTo(200);
        assertThat(first.get("origin").get("country").asString()).isEqualTo("RU");
        assertThat(first.get("file").asString()).isEqualTo(Fixtures.APACHE);
        assertThat(first.get("line").asLong()).isEqualTo(1);
        // the last object is the Zeek baseline's last connection (file line 43), time masked -> null
        JsonNode last = ReportJsonMapper.MAPPER.readTree(lines.get(lines.size() - 1));
        assertThat(last.get("time").isNull()).isTrue();
        assertThat(last.get("file").asString()).isEqualTo(Fixtures.ZEEK);
        assertThat(last.get("line").asLong()).isEqualTo(43);
        assertThat(lines).filteredOn(l -> l.contains("\"65.55.213.73\"")).allMatch(l -> l.contains("\"flags\":[\"tor-exit\"]"));
        assertThat(lines).filteredOn(l -> l.contains("\"source\":\"fe80::")).allMatch(l -> l.contains("\"non-routable\""));
        assertThat(lines).allMatch(l -> l.startsWith("{\"time\":"));   // no separator before an object
    }

    /** What a block remembers (the last source, the last minute) must not change what another block says. */
    @Test
    void blocksEncodedApartReadAsTheWholeEncodedAtOnce() {
        List<Event> apache = Fixtures.apache();
        EventsOutWriter w = new EventsOutWriter("events.jsonl", new ByteArrayOutputStream(), Fixtures.origins(Set.of()));
        String whole = new String(w.encode(apache), StandardCharsets.UTF_8);
        StringBuilder parts = new StringBuilder();
        for (int from = 0; from < apache.size(); from += 7) {
            parts.append(new String(w.encode(apache.subList(from, Math.min(apache.size(), from + 7))), StandardCharsets.UTF_8));
        }
        assertThat(parts.toString()).isEqualTo(whole);
        assertThat(whole.lines()).hasSize(apache.size());
    }

    /** The remembered minute gives what Instant.toString gives, the events-out format before it. */
    @Test
    void timesReadAsInstantWritesThem() {
        EventsOutWriter.IsoTimes times = new EventsOutWriter.IsoTimes();
        long[] edges = {0, 1, 999, 1000, 59_999, 60_000, -1, -999, -1000, -60_001, 1_431_857_103_000L,
                253_402_300_799_999L, 253_402_300_800_000L, -62_167_219_200_001L};
        for (long t : edges) {
            assertThat(times.format(t)).as("%d", t).isEqualTo(Instant.ofEpochMilli(t).toString());
        }
        SplittableRandom random = new SplittableRandom(7);
        long t = 1_431_857_103_000L;
        for (int i = 0; i < 100_000; i++) {
            // Mostly forward a little, as a log goes, sometimes far in either direction.
            t += i % 1000 == 0 ? random.nextLong(-10_000_000_000L, 10_000_000_000L) : random.nextLong(0, 3_000);
            assertThat(times.format(t)).isEqualTo(Instant.ofEpochMilli(t).toString());
        }
    }
}
