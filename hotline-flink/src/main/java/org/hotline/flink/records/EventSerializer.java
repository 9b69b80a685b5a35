package org.hotline.flink.records;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;

/**
 * Writes core's {@link Event} field by field, so events can cross the shuffle from the subtask
 * that parsed them to the one that detects on their source.
 *
 * <p>Why a serializer of our own: Flink's analysis of {@code Event} stops at {@link EventDetail}, a
 * sealed interface, and would fall back to Kryo, which the job forbids ({@code
 * pipeline.generic-types=false}, STACK-NOTES gotcha 8). Re-parsing the raw line after the shuffle
 * was the other way, but a parser needs its input's {@code FileContext} (the first 200 lines, for
 * a Zeek header or the syslog year), which would then have to reach every subtask too.
 *
 * <p>Hazard: this lists every component of {@code Event} and of each detail. A component added to
 * one of core's records fails to compile here (the canonical constructors are called); a new kind
 * of detail fails at run time with its name, and {@code EventSerializerTest} (a round trip of every
 * kind) is where to add it.
 */
public final class EventSerializer extends TypeSerializerSingleton<Event> {
    private static final long serialVersionUID = 1L;

    public static final EventSerializer INSTANCE = new EventSerializer();

    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    private static final byte NONE = 0;
    private static final byte HTTP = 1;
    private static final byte AUTHENTICATION = 2;
    private static final byte IDS_ALERT = 3;
    private static final byte FIREWALL = 4;
    private static final byte CONNECTION = 5;
    private static final byte HONEYPOT = 6;

    @Override
    public boolean isImmutableType() {
        return true;   // a record of immutable values: copies may share it
    }

    /** There is no empty event (its position is required); Flink reuses instances only when told to. */
    @Override
    public Event createInstance() {
        return null;
    }

    @Override
    public Event copy(Event from) {
        return from;
    }

    @Override
    public Event copy(Event from, Event reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Event e, DataOutputView out) throws IOException {
        out.writeLong(e.time());
        writeAddress(e.source(), out);
        out.writeInt(e.sourcePort());
        writeAddress(e.destination(), out);
        out.writeInt(e.destinationPort());
        out.writeByte(e.protocol().ordinal());
        StringValue.writeString(e.service(), out);
        out.writeByte(e.outcome().ordinal());
        out.writeLong(e.bytes());
        out.writeBoolean(e.handshake());
        StringValue.writeString(e.position().file(), out);
        out.writeLong(e.position().line());
        writeDetail(e.detail(), out);
    }

    @Override
    public Event deserialize(DataInputView in) throws IOException {
        long time = in.readLong();
        IpAddress source = readAddress(in);
        int sourcePort = in.readInt();
        IpAddress destination = readAddress(in);
        int destinationPort = in.readInt();
        Protocol protocol = PROTOCOLS[in.readByte()];
        String service = StringValue.readString(in);
        Outcome outcome = OUTCOMES[in.readByte()];
        long bytes = in.readLong();
        boolean handshake = in.readBoolean();
        InputPosition position = new InputPosition(StringValue.readString(in), in.readLong());
        return new Event(time, source, sourcePort, destination, destinationPort, protocol, service, outcome, bytes,
                handshake, position, readDetail(in));
    }

    @Override
    public Event deserialize(Event reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeAddress(IpAddress ip, DataOutputView out) throws IOException {
        out.writeBoolean(ip != null);
        if (ip != null) {
            out.writeLong(ip.high());
            out.writeLong(ip.low());
        }
    }

    private static IpAddress readAddress(DataInputView in) throws IOException {
        return in.readBoolean() ? new IpAddress(in.readLong(), in.readLong()) : null;
    }

    private static void writeDetail(EventDetail detail, DataOutputView out) throws IOException {
        if (detail == null) {
            out.writeByte(NONE);
        } else if (detail instanceof EventDetail.HttpRequest r) {
            out.writeByte(HTTP);
            StringValue.writeString(r.method(), out);
            StringValue.writeString(r.target(), out);
            out.writeInt(r.status());
            StringValue.writeString(r.userAgent(), out);
            StringValue.writeString(r.host(), out);
        } else if (detail instanceof EventDetail.Authentication a) {
            out.writeByte(AUTHENTICATION);
            StringValue.writeString(a.user(), out);
            out.writeBoolean(a.invalidUser());
            StringValue.writeString(a.method(), out);
        } else if (detail instanceof EventDetail.IdsAlert a) {
            out.writeByte(IDS_ALERT);
            out.writeLong(a.signatureId());
            StringValue.writeString(a.signature(), out);
            StringValue.writeString(a.category(), out);
            out.writeInt(a.severity());
            StringValue.writeString(a.action(), out);
        } else if (detail instanceof EventDetail.FirewallPacket p) {
            out.writeByte(FIREWALL);
            StringValue.writeString(p.prefix(), out);
            StringValue.writeString(p.inInterface(), out);
            StringValue.writeString(p.tcpFlags(), out);
        } else if (detail instanceof EventDetail.Connection c) {
            out.writeByte(CONNECTION);
            StringValue.writeString(c.state(), out);
            out.writeLong(c.durationMillis());
            out.writeLong(c.sourcePackets());
        } else if (detail instanceof EventDetail.HoneypotAction h) {
            out.writeByte(HONEYPOT);
            StringValue.writeString(h.eventId(), out);
            StringValue.writeString(h.session(), out);
            StringValue.writeString(h.user(), out);
            StringValue.writeString(h.password(), out);
            StringValue.writeString(h.command(), out);
        } else {
            throw new IllegalStateException("no serialized form for event detail " + detail.getClass().getName()
                    + "; add it to " + EventSerializer.class.getName());
        }
    }

    private static EventDetail readDetail(DataInputView in) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case NONE:
                return null;
            case HTTP:
                return new EventDetail.HttpRequest(StringValue.readString(in), StringValue.readString(in), in.readInt(),
                        StringValue.readString(in), StringValue.readString(in));
            case AUTHENTICATION:
                return new EventDetail.Authentication(StringValue.readString(in), in.readBoolean(), StringValue.readString(in));
            case IDS_ALERT:
                return new EventDetail.IdsAlert(in.readLong(), StringValue.readString(in), StringValue.readString(in),
                        in.readInt(), StringValue.readString(in));
            case FIREWALL:
                return new EventDetail.FirewallPacket(StringValue.readString(in), StringValue.readString(in),
                        StringValue.readString(in));
            case CONNECTION:
                return new EventDetail.Connection(StringValue.readString(in), in.readLong(), in.readLong());
            case HONEYPOT:
                return new EventDetail.HoneypotAction(StringValue.readString(in), StringValue.readString(in),
                        StringValue.readString(in), StringValue.readString(in), StringValue.readString(in));
            default:
                throw new IOException("unknown event detail kind " + kind + " (written by another version?)");
        }
    }

    @Override
    public TypeSerializerSnapshot<Event> snapshotConfiguration() {
        return new EventSerializerSnapshot();
    }

    /** Flink's record of which serializer wrote the data; this one has no configuration. */
    public static final class EventSerializerSnapshot extends SimpleTypeSerializerSnapshot<Event> {
        public EventSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
