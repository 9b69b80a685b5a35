package org.hotline.event;

/**
 * What a log line says happened. Detectors select on it; the report counts every outcome.
 */
public enum Outcome {
    /** An application request that was served or refused (an access-log line, an HTTP record). */
    REQUEST,
    /** A failed login: wrong password, invalid user, rejected key. */
    AUTH_FAILURE,
    /** A successful login (on a honeypot this is still hostile). */
    AUTH_SUCCESS,
    /** A client that connected and left before authenticating (scanner, banner grab, preauth drop). */
    PREAUTH_DISCONNECT,
    /** A network connection or flow record (Zeek conn, Suricata flow). */
    CONNECTION,
    /** A packet or connection a firewall dropped or rejected. */
    BLOCKED,
    /** A packet or connection a firewall logged and let through. */
    ALLOWED,
    /** An IDS alert; see {@link EventDetail.IdsAlert}. */
    ALERT,
    /** A command an intruder ran (honeypot). */
    COMMAND,
    /** Anything else worth keeping as an event. */
    OTHER
}
