package org.hotline.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;

/**
 * Events of real logs for detector tests, built from the field tables in
 * {@code src/test/resources/detect/events} (see their {@code .license} files and {@code derive.py}:
 * the fields were cut out of the original lines with Python, not with Hotline's parsers, so these
 * tests do not depend on the parsers and check the detectors alone). Each event's position is the
 * original file and line, as a parser would give it.
 *
 * <p>How the fields become events mirrors what the format's parser is meant to emit: an access-log
 * line is a REQUEST with an {@link EventDetail.HttpRequest} and a handshake; an sshd line an
 * AUTH_* event for service "ssh"; an iptables record a BLOCKED packet; a Zeek record a CONNECTION
 * with its state; a Suricata alert an ALERT with its {@link EventDetail.IdsAlert}.
 */
public final class FixtureEvents {
    private static final Set<String> ESTABLISHED = Set.of("SF", "S1", "S2", "S3", "RSTO", "RSTR");

    private FixtureEvents() {}

    /** Apache combined log of elastic/examples: 932 of its 10,000 lines. */
    public static List<Event> apache() {
        return read("access-elastic-apache.tsv", "apache_logs", (r, p) -> new Event(
                time(r[1]), ip(r[2]), -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, num(r[6]), true,
                p, new EventDetail.HttpRequest(r[3], r[4], (int) num(r[5]), text(r[7]), null)));
    }

    /** sshd events of elastic/beats secure-rhel7.log. */
    public static List<Event> sshd() {
        return read("sshd-secure-rhel7.tsv", "secure-rhel7.log", (r, p) -> new Event(
                time(r[1]), ip(r[2]), (int) num(r[3]), null, -1, Protocol.TCP, "ssh", Outcome.valueOf(r[4]), -1, true,
                p, new EventDetail.Authentication(text(r[5]), r[6].equals("1"), null)));
    }

    /** Suricata alerts of the suricata-sample-data honeypot-2018 sample. */
    public static List<Event> suricataAlerts() {
        return read("suricata-honeypot-2018-alerts.tsv", "honeypot-2018/alerts.eve.json", (r, p) -> new Event(
                time(r[1]), ip(r[2]), (int) num(r[3]), ip(r[4]), (int) num(r[5]), Protocol.of(r[6]), null,
                Outcome.ALERT, -1, false, p,
                new EventDetail.IdsAlert(num(r[7]), text(r[8]), text(r[9]), (int) num(r[10]), text(r[11]))));
    }

    /** The HTTP requests inside the suricata-sample-data first-org-conf-2015 alerts. */
    public static List<Event> suricataHttp() {
        return suricataHttp("suricata-first-2015-http.tsv", "first-org-conf-2015/alerts.eve.json");
    }

    /** The HTTP requests inside the suricata-sample-data wrccdc-2017 alerts (WordPress and Joomla logins among them). */
    public static List<Event> suricataHttpWrccdc() {
        return suricataHttp("suricata-wrccdc-2017-http.tsv", "wrccdc-2017/alerts.eve.json");
    }

    private static List<Event> suricataHttp(String table, String file) {
        return read(table, file, (r, p) -> new Event(
                time(r[1]), ip(r[2]), (int) num(r[3]), ip(r[4]), (int) num(r[5]), Protocol.TCP, "http",
                Outcome.REQUEST, num(r[9]), true, p,
                new EventDetail.HttpRequest(text(r[6]), r[7], (int) num(r[8]), text(r[10]), text(r[11]))));
    }

    /** Suricata's own verdict (the rule that fired) on each row of {@link #suricataHttp()}, in the same order. */
    public static List<String> suricataHttpVerdicts() {
        return verdicts("suricata-first-2015-http.tsv");
    }

    /** Suricata's own verdict on each row of {@link #suricataHttpWrccdc()}, in the same order. */
    public static List<String> suricataHttpWrccdcVerdicts() {
        return verdicts("suricata-wrccdc-2017-http.tsv");
    }

    private static List<String> verdicts(String table) {
        List<String> verdicts = new ArrayList<>();
        rows(table).forEach(r -> verdicts.add(r[12]));
        return verdicts;
    }

    /** All iptables records of dunneja/py-fw-log. */
    public static List<Event> netfilter() {
        return read("netfilter-dunneja.tsv", "iptables.log", (r, p) -> new Event(
                time(r[1]), ip(r[2]), (int) num(r[3]), ip(r[4]), (int) num(r[5]), Protocol.of(r[6]), null,
                r[9].contains("BLOCK") ? Outcome.BLOCKED : Outcome.ALLOWED, num(r[7]), false, p,
                new EventDetail.FirewallPacket(r[9], null, text(r[8]))));
    }

    /** Zeek conn.log baseline of the pop3 test: a client refused on port 110 of two hosts, served by a third. */
    public static List<Event> zeekPop3() {
        return zeek("zeek-conn-pop3.tsv", "pop3.basic/conn.log");
    }

    /** Zeek conn.log baseline of the FTP test: control and passive data connections, all established. */
    public static List<Event> zeekFtp() {
        return zeek("zeek-conn-ftp-ipv4.tsv", "ftp-ipv4/conn.log");
    }

    private static List<Event> zeek(String table, String file) {
        return read(table, file, (r, p) -> new Event(
                Event.NO_TIME, ip(r[1]), (int) num(r[2]), ip(r[3]), (int) num(r[4]), Protocol.of(r[5]), text(r[6]),
                Outcome.CONNECTION, -1, ESTABLISHED.contains(r[7]), p,
                new EventDetail.Connection(r[7], -1, num(r[8]))));
    }

    /** Builds one event per row, placed at (file, the row's line). */
    private static List<Event> read(String table, String file, BiFunction<String[], InputPosition, Event> make) {
        List<Event> events = new ArrayList<>();
        for (String[] r : rows(table)) {
            events.add(make.apply(r, new InputPosition(file, Long.parseLong(r[0]))));
        }
        return List.copyOf(events);
    }

    /** The same event at another position: for tests that move or repeat lines. */
    public static Event at(Event e, InputPosition p) {
        return new Event(e.time(), e.source(), e.sourcePort(), e.destination(), e.destinationPort(), e.protocol(),
                e.service(), e.outcome(), e.bytes(), e.handshake(), p, e.detail());
    }

    static List<String[]> rows(String table) {
        String path = "/detect/events/" + table;
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = FixtureEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    String[] cells = line.split("\t", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = unescape(cells[i]);
                    }
                    rows.add(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return rows;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static long time(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    private static long num(String text) {
        return text.equals("-") ? -1 : Long.parseLong(text);
    }

    private static String text(String cell) {
        return cell.equals("-") ? null : cell;
    }
}
