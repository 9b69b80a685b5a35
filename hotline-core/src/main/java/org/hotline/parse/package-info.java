/**
 * Parsing: one {@link org.hotline.parse.Parser} per log format, each in its own sub-package
 * ({@code accesslog}, {@code sshd}, {@code netfilter}, {@code suricata}, {@code zeek}, {@code cowrie}),
 * all listed in {@link org.hotline.parse.Parsers}; {@link org.hotline.parse.FormatDetector} picks one
 * by letting each read an input's first lines.
 *
 * <p>Rules every parser follows:
 * <ul>
 *   <li>One verdict per line (event, ignored, malformed); malformed reasons name the column or field.</li>
 *   <li>The event's source is the remote party (client, attacker, packet source), addresses are
 *       {@link org.hotline.event.IpAddress} numbers, unknown numbers are -1.</li>
 *   <li>{@code handshake} only where the log proves a completed TCP handshake: access-log, sshd and
 *       Cowrie lines (the server accepted the connection), Zeek established states, Suricata
 *       app-layer records or SYN/ACK seen both ways; never a firewall's packet log.</li>
 *   <li>Times without a zone use {@link org.hotline.parse.FileContext#zone()}; syslog times without
 *       a year use the stateless rule of {@link org.hotline.parse.syslog.SyslogTimestamp}.</li>
 * </ul>
 * Shared pieces: {@link org.hotline.parse.Ascii} (reading bytes without decoding),
 * {@link org.hotline.parse.IsoTimestamp}, {@link org.hotline.parse.RecentStrings},
 * {@code syslog} (headers and year-less timestamps) and {@code json} (lenient JSON records).
 */
package org.hotline.parse;
