package org.hotline.parse.suricata;

import java.util.Map;
import org.hotline.event.Outcome;

/**
 * The EVE {@code event_type}s that become events, with the outcome each stands for. Those not
 * listed ({@code stats}, {@code engine}, and types of future Suricata versions) are not events.
 *
 * <ul>
 *   <li>{@code alert} → ALERT (with the signature); {@code drop} (IPS mode) → BLOCKED;</li>
 *   <li>{@code flow}, {@code netflow} → CONNECTION (state, duration, packets to server);</li>
 *   <li>{@code http} → REQUEST (method, URL, status, user agent, host); {@code dns} → REQUEST;</li>
 *   <li>{@code tls}, {@code quic}, {@code ssh} → CONNECTION: a session of that protocol;</li>
 *   <li>{@code anomaly} (decoder, stream and app-layer anomalies) and the other application
 *       protocols (smtp, ftp, smb, rdp, sip, fileinfo...) → OTHER.</li>
 * </ul>
 */
enum EveEventType {
    ALERT(Outcome.ALERT, false),
    DROP(Outcome.BLOCKED, false),
    FLOW(Outcome.CONNECTION, false),
    HTTP(Outcome.REQUEST, true),
    DNS(Outcome.REQUEST, true),
    SESSION(Outcome.CONNECTION, true),
    ANOMALY(Outcome.OTHER, false),
    APPLICATION(Outcome.OTHER, true);

    final Outcome outcome;
    /** True if the event type names the application protocol when {@code app_proto} is absent. */
    final boolean serviceIsType;

    EveEventType(Outcome outcome, boolean serviceIsType) {
        this.outcome = outcome;
        this.serviceIsType = serviceIsType;
    }

    private static final Map<String, EveEventType> BY_NAME = Map.ofEntries(
            Map.entry("alert", ALERT),
            Map.entry("drop", DROP),
            Map.entry("flow", FLOW),
            Map.entry("netflow", FLOW),
            Map.entry("http", HTTP),
            Map.entry("dns", DNS),
            Map.entry("tls", SESSION),
            Map.entry("quic", SESSION),
            Map.entry("ssh", SESSION),
            Map.entry("anomaly", ANOMALY),
            Map.entry("fileinfo", APPLICATION),
            Map.entry("smtp", APPLICATION),
            Map.entry("ftp", APPLICATION),
            Map.entry("ftp_data", APPLICATION),
            Map.entry("smb", APPLICATION),
            Map.entry("rdp", APPLICATION),
            Map.entry("sip", APPLICATION),
            Map.entry("krb5", APPLICATION),
            Map.entry("snmp", APPLICATION),
            Map.entry("rfb", APPLICATION),
            Map.entry("mqtt", APPLICATION),
            Map.entry("http2", APPLICATION),
            Map.entry("ike", APPLICATION),
            Map.entry("dcerpc", APPLICATION),
            Map.entry("nfs", APPLICATION),
            Map.entry("tftp", APPLICATION),
            Map.entry("pgsql", APPLICATION),
            Map.entry("ldap", APPLICATION),
            Map.entry("modbus", APPLICATION),
            Map.entry("dnp3", APPLICATION));

    /** The kind for an {@code event_type}, or null if it is not an event. */
    static EveEventType of(String eventType) {
        return BY_NAME.get(eventType);
    }
}
