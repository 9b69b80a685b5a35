package org.hotline.report;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.HotlineException;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
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
 * <p>Hazard: the pipeline calls {@link #accept} from its worker threads (one at a time, in order),
 * so {@code origins} must be thread-safe. A write failure (disk full) stops the analysis with the
 * file named rather than leaving a silently truncated audit file.
 */
public final class EventsOutWriter implements Consumer<List<Event>>, AutoCloseable {
    /** One object per line: no indentation; closes the stream with the generator. */
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private final String name;
    private final JsonGenerator json;
    private final Function<IpAddress, Origin> origins;

    /**
     * @param name    the output's name, for error messages
     * @param out     where the lines go; closed by {@link #close()}
     * @param origins cached, thread-safe enrichment
     */
    public EventsOutWriter(String name, OutputStream out, Function<IpAddress, Origin> origins) {
        this.name = name;
        this.json = COMPACT.createGenerator(out);
        this.origins = origins;
    }

    @Override
    public void accept(List<Event> events) {
        try {
            for (Event e : events) {
                write(e);
            }
            json.flush();
        } catch (JacksonException ex) {
            throw new HotlineException("cannot write --events-out " + name + ": " + ex.getOriginalMessage(), ex);
        }
    }

    private void write(Event e) {
        json.writeStartObject();
        if (e.hasTime()) {
            json.writeStringProperty("time", Instant.ofEpochMilli(e.time()).toString());
        } else {
            json.writeNullProperty("time");
        }
        address("source", e.source());
        number("sourcePort", e.sourcePort());
        address("destination", e.destination());
        number("destinationPort", e.destinationPort());
        json.writeStringProperty("protocol", e.protocol().name().toLowerCase(Locale.ROOT));
        json.writeStringProperty("service", e.service());
        json.writeStringProperty("outcome", e.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        number("bytes", e.bytes());
        json.writeBooleanProperty("handshake", e.handshake());
        json.writeStringProperty("verification", e.verification().name().toLowerCase(Locale.ROOT));
        EventDetailJson.write(json, e.detail());
        origin(e.source());
        json.writeStringProperty("file", e.position().file());
        json.writeNumberProperty("line", e.position().line());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void origin(IpAddress source) {
        if (source == null) {
            json.writeNullProperty("origin");
            return;
        }
        Origin o = origins.apply(source);
        if (o == null) {
            o = Origin.UNKNOWN;
        }
        json.writeObjectPropertyStart("origin");
        json.writeStringProperty("country", o.country());
        number("asn", o.asn());
        json.writeStringProperty("org", o.asOrganization());
        json.writeArrayPropertyStart("flags");
        for (OriginFlag f : OriginFlag.values()) {
            if (o.has(f)) {
                json.writeString(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
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

    @Override
    public void close() {
        try {
            json.close();
        } catch (JacksonException ex) {
            throw new HotlineException("cannot finish --events-out " + name + ": " + ex.getOriginalMessage(), ex);
        }
    }
}
