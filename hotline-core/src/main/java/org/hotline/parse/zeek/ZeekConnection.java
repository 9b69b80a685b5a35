package org.hotline.parse.zeek;

import java.util.Locale;
import org.hotline.event.Event;
import org.hotline.event.EventDetail.Connection;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;

/**
 * The fields of one conn.log record, however it was written (TSV or JSON), and the {@link Event}
 * they make: originator as source, responder as destination, CONNECTION, flow bytes in both
 * directions, and the handshake as {@link ZeekConnState} decides it.
 *
 * <p>For ICMP Zeek puts the ICMP type and code in the port fields; they are not ports, so the
 * event gets none. A mutable holder reused per parser; not thread-safe.
 */
final class ZeekConnection {
    long time;
    IpAddress origin;
    int originPort;
    IpAddress responder;
    int responderPort;
    String proto;
    String service;
    long durationMillis;
    long originBytes;
    long responderBytes;
    String state;
    String history;
    long originPackets;

    void clear() {
        time = Event.NO_TIME;
        origin = null;
        responder = null;
        originPort = -1;
        responderPort = -1;
        proto = null;
        service = null;
        durationMillis = -1;
        originBytes = -1;
        responderBytes = -1;
        state = null;
        history = null;
        originPackets = -1;
    }

    Event toEvent(String inputName, long line) {
        Protocol protocol = Protocol.of(proto);
        boolean icmp = protocol == Protocol.ICMP;
        long bytes = originBytes < 0 && responderBytes < 0 ? -1 : Math.max(0, originBytes) + Math.max(0, responderBytes);
        return new Event(time, origin, icmp ? -1 : originPort, responder, icmp ? -1 : responderPort, protocol,
                firstService(service), Outcome.CONNECTION, bytes, ZeekConnState.handshake(proto, state, history),
                new InputPosition(inputName, line), new Connection(state, durationMillis, originPackets));
    }

    /** Zeek lists every protocol it recognised ("ssl,http"); the first is the one the event names. */
    private static String firstService(String service) {
        if (service == null || service.isEmpty()) {
            return null;
        }
        int comma = service.indexOf(',');
        return (comma < 0 ? service : service.substring(0, comma)).toLowerCase(Locale.ROOT);
    }
}
