package org.hotline.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hotline.OutputException;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;
import org.hotline.event.Verification;
import org.hotline.pipeline.StagedEvents;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --events-out FILE}: every parsed event, enriched, one JSON object per line (JSON Lines),
 * with the file and line it came from — for SIEMs and audits. Plug it into the pipeline as its
 * events consumer; it receives blocks in reading order (each input's lines in order; inputs that
 * overlap in time interleaved by time) and streams them out, so memory stays bounded whatever the
 * input size.
 *
 * <p>Each object: {@code time} (ISO-8601 UTC or null), {@code source}, {@code sourcePort},
 * {@code destination}, {@code destinationPort}, {@code protocol}, {@code service}, {@code outcome},
 * {@code bytes}, {@code handshake}, {@code verification}, {@code detail} (the format-specific
 * fields with a {@code kind}, or null), {@code origin} ({@code country}, {@code asn}, {@code org},
 * {@code flags}; null without a source), {@code file}, {@code line}. Unknown values are null.
 *
 * <p>A {@link StagedEvents}: the workers encode their blocks side by side and the file only takes
 * the bytes in order. Encoded by one thread at a time, the JSON was most of the run: a million-line
 * access log took 4.3 s with this file and 1.7 s without.
 *
 * <p>Hazard: {@link #encode} runs on several worker threads at once, so {@code origins} must be
 * thread-safe. A write failure (disk full) stops the analysis with the file named rather than
 * leaving a silently truncated audit file.
 */
public final class EventsOutWriter implements StagedEvents<byte[]>, AutoCloseable {
    /**
     * One object per line: no indentation, and no separator between objects but the newline each
     * ends with (Jackson's default put a space before every object after a generator's first).
     */
    private static final JsonMapper COMPACT = JsonMapper.builder(JsonFactory.builder().rootValueSeparator("").build()).build();
    private static final String[] PROTOCOLS = lowerCase(Protocol.values());
    private static final String[] OUTCOMES = lowerCase(Outcome.values());
    private static final String[] VERIFICATIONS = lowerCase(Verification.values());
    private static final OriginFlag[] FLAGS = OriginFlag.values();
    private static final String[] FLAG_NAMES = lowerCase(FLAGS);

    private final String name;
    private final OutputStream out;
    private final Function<IpAddress, Origin> origins;

    /**
     * @param name    the output's name, for error messages
     * @param out     where the lines go; closed by {@link #close()}
     * @param origins cached, thread-safe enrichment
     */
    public EventsOutWriter(String name, OutputStream out, Function<IpAddress, Origin> origins) {
        this.name = name;
        this.out = out;
        this.origins = origins;
    }

    @Override
    public byte[] encode(List<Event> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 512);
        try (JsonGenerator json = COMPACT.createGenerator(bytes)) {
            new Block(json).writeAll(events);
        }
        return bytes.toByteArray();
    }

    @Override
    public void write(byte[] encoded) {
        try {
            out.write(encoded);
            out.flush();
        } catch (IOException ex) {
            throw new OutputException("cannot write --events-out " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** One block's encoding: what it remembers (the last time and source) lasts for the block. */
    private final class Block {
        private final JsonGenerator json;
        private final IsoTimes times = new IsoTimes();
        private IpAddress lastSource;
        private String lastSourceText;
        private Origin lastOrigin;

        Block(JsonGenerator json) {
            this.json = json;
        }

        void writeAll(List<Event> events) {
            for (Event e : events) {
                write(e);
            }
        }

        private void write(Event e) {
            json.writeStartObject();
            if (e.hasTime()) {
                json.writeStringProperty("time", times.format(e.time()));
            } else {
                json.writeNullProperty("time");
            }
            source(e.source());
            number("sourcePort", e.sourcePort());
            address("destination", e.destination());
            number("destinationPort", e.destinationPort());
            json.writeStringProperty("protocol", PROTOCOLS[e.protocol().ordinal()]);
            json.writeStringProperty("service", e.service());
            json.writeStringProperty("outcome", OUTCOMES[e.outcome().ordinal()]);
            number("bytes", e.bytes());
            json.writeBooleanProperty("handshake", e.handshake());
            json.writeStringProperty("verification", VERIFICATIONS[e.verification().ordinal()]);
            EventDetailJson.write(json, e.detail());
            origin(e.source());
            json.writeStringProperty("file", e.position().file());
            json.writeNumberProperty("line", e.position().line());
            json.writeEndObject();
            json.writeRaw('\n');
        }

        /**
         * A client's requests come in runs (58 % of the bench log's lines have the line before's
         * source): the last source's text and origin answer them without a look into the shared cache.
         */
        private void source(IpAddress source) {
            if (source != null && !source.equals(lastSource)) {
                Origin found = origins.apply(source);
                lastOrigin = found == null ? Origin.UNKNOWN : found;
                lastSourceText = source.toString();
                lastSource = source;
            }
            json.writeStringProperty("source", source == null ? null : lastSourceText);
        }

        private void origin(IpAddress source) {
            if (source == null) {
                json.writeNullProperty("origin");
                return;
            }
            Origin o = lastOrigin;   // source() looked it up
            json.writeObjectPropertyStart("origin");
            json.writeStringProperty("country", o.country());
            number("asn", o.asn());
            json.writeStringProperty("org", o.asOrganization());
            json.writeArrayPropertyStart("flags");
            for (int i = 0; i < FLAGS.length; i++) {
                if (o.has(FLAGS[i])) {
                    json.writeString(FLAG_NAMES[i]);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private void address(String property, IpAddress ip) {
            json.writeStringProperty(property, ip == null ? null : ip.toString());
        }

        private void number(String property, long value) {
            if (value < 0) {
                json.writeNullProperty(property);
            } else {
                json.writeNumberProperty(property, value);
            }
        }
    }

    /**
     * {@link Instant#toString()} of epoch milliseconds, remembering the last minute's text: a log's
     * lines come in time order, and formatting each through {@code DateTimeFormatter} was a sixth of
     * the encoding. (Per second was not enough: on the bench log most lines have a second of their own.)
     */
    static final class IsoTimes {
        private long minute = Long.MIN_VALUE;
        /** The minute's text up to its seconds, "2015-05-17T10:05:". */
        private String text;

        String format(long epochMillis) {
            long second = Math.floorDiv(epochMillis, 1000);
            int millis = (int) Math.floorMod(epochMillis, 1000);
            long m = Math.floorDiv(second, 60);
            int seconds = (int) Math.floorMod(second, 60);
            if (m != minute) {
                String full = Instant.ofEpochSecond(m * 60).toString();   // ...T10:05:00Z, seconds always written
                text = full.substring(0, full.length() - 3);
                minute = m;
            }
            StringBuilder b = new StringBuilder(text.length() + 8).append(text)
                    .append((char) ('0' + seconds / 10)).append((char) ('0' + seconds % 10));
            if (millis != 0) {
                // ISO_INSTANT writes a fraction in groups of three digits, and milliseconds need one.
                b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                        .append((char) ('0' + millis % 10));
            }
            return b.append('Z').toString();
        }
    }

    private static String[] lowerCase(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (Enum<?> v : values) {
            names[v.ordinal()] = v.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return names;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ex) {
            throw new OutputException("cannot finish --events-out " + name + ": " + ex.getMessage(), ex);
        }
    }
}
