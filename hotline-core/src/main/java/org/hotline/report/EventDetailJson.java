package org.hotline.report;

import org.hotline.event.EventDetail;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an event's format-specific fields as the {@code detail} object of an events-out line, with
 * a {@code kind} naming which record it was ("http", "auth", "ids-alert", "firewall", "connection",
 * "honeypot"). Field names are the record components'.
 */
final class EventDetailJson {
    private EventDetailJson() {}

    static void write(JsonGenerator json, EventDetail detail) {
        if (detail == null) {
            json.writeNullProperty("detail");
            return;
        }
        json.writeObjectPropertyStart("detail");
        if (detail instanceof EventDetail.HttpRequest h) {
            json.writeStringProperty("kind", "http");
            json.writeStringProperty("method", h.method());
            json.writeStringProperty("target", h.target());
            number(json, "status", h.status());
            json.writeStringProperty("userAgent", h.userAgent());
            json.writeStringProperty("host", h.host());
        } else if (detail instanceof EventDetail.Authentication a) {
            json.writeStringProperty("kind", "auth");
            json.writeStringProperty("user", a.user());
            json.writeBooleanProperty("invalidUser", a.invalidUser());
            json.writeStringProperty("method", a.method());
        } else if (detail instanceof EventDetail.IdsAlert i) {
            json.writeStringProperty("kind", "ids-alert");
            json.writeNumberProperty("signatureId", i.signatureId());
            json.writeStringProperty("signature", i.signature());
            json.writeStringProperty("category", i.category());
            number(json, "severity", i.severity());
            json.writeStringProperty("action", i.action());
        } else if (detail instanceof EventDetail.FirewallPacket f) {
            json.writeStringProperty("kind", "firewall");
            json.writeStringProperty("prefix", f.prefix());
            json.writeStringProperty("inInterface", f.inInterface());
            json.writeStringProperty("tcpFlags", f.tcpFlags());
        } else if (detail instanceof EventDetail.Connection c) {
            json.writeStringProperty("kind", "connection");
            json.writeStringProperty("state", c.state());
            number(json, "durationMillis", c.durationMillis());
            number(json, "sourcePackets", c.sourcePackets());
        } else if (detail instanceof EventDetail.HoneypotAction h) {
            json.writeStringProperty("kind", "honeypot");
            json.writeStringProperty("eventId", h.eventId());
            json.writeStringProperty("session", h.session());
            json.writeStringProperty("user", h.user());
            json.writeStringProperty("password", h.password());
            json.writeStringProperty("command", h.command());
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String property, long value) {
        if (value < 0) {
            json.writeNullProperty(property);
        } else {
            json.writeNumberProperty(property, value);
        }
    }
}
