package org.hotline.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hotline.enrich.Origin;
import org.hotline.enrich.OriginFlag;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Outcome;
import org.hotline.event.Protocol;

/**
 * Real events from the fixtures under {@code src/test/resources/report}, read by the simplest code
 * that works on these two files (the real parsers live in {@code parse.*} and are tested there),
 * and their origins from {@code origins.tsv} (a real database extract, see its .license).
 */
public final class Fixtures {
    public static final Path DIR = Paths.get("src/test/resources/report");
    public static final String APACHE = "accesslog/apache-1000.log";
    public static final String ZEEK = "zeek/opt.basic_conn.log";
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private Fixtures() {}

    /** One event per line: the client, time, request, status and response bytes ("-" = unknown). */
    public static List<Event> apache() {
        List<Event> events = new ArrayList<>();
        List<String> lines = lines(APACHE);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String ip = l.substring(0, l.indexOf(' '));
            long time = OffsetDateTime.parse(l.substring(l.indexOf('[') + 1, l.indexOf(']')), CLF).toInstant().toEpochMilli();
            String[] quoted = l.split("\"");
            String[] request = quoted[1].split(" ");
            String[] statusBytes = quoted[2].trim().split(" ");
            long bytes = statusBytes[1].equals("-") ? -1 : Long.parseLong(statusBytes[1]);
            events.add(new Event(time, IpAddress.parse(ip), -1, null, -1, Protocol.TCP, "http", Outcome.REQUEST, bytes,
                    true, new InputPosition(APACHE, i + 1),
                    new EventDetail.HttpRequest(request[0], request.length > 1 ? request[1] : null,
                            Integer.parseInt(statusBytes[0]), quoted[quoted.length - 1], null)));
        }
        return events;
    }

    /** One event per connection (without time: the baseline masks it); a TCP connection counts as a handshake from state S1, S2, S3, SF, RSTO or RSTR. */
    public static List<Event> zeek() {
        List<Event> events = new ArrayList<>();
        List<String> lines = lines(ZEEK);
        List<String> fields = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#fields\t")) {
                fields = Arrays.asList(l.substring(8).split("\t"));
            }
            if (l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            Map<String, String> v = new HashMap<>();
            for (int k = 0; k < fields.size(); k++) {
                v.put(fields.get(k), f[k]);
            }
            Protocol protocol = Protocol.of(v.get("proto"));
            String state = v.get("conn_state");
            boolean handshake = protocol == Protocol.TCP && Set.of("S1", "S2", "S3", "SF", "RSTO", "RSTR").contains(state);
            // Zeek's test baselines mask times as XXXXXXXXXX.XXXXXX: such events have no time.
            long time = v.get("ts").startsWith("X") ? Event.NO_TIME : (long) (Double.parseDouble(v.get("ts")) * 1000);
            events.add(new Event(time, IpAddress.parse(v.get("id.orig_h")), Integer.parseInt(v.get("id.orig_p")),
                    IpAddress.parse(v.get("id.resp_h")), Integer.parseInt(v.get("id.resp_p")), protocol,
                    v.get("service").equals("-") ? null : v.get("service"), Outcome.CONNECTION,
                    v.get("orig_bytes").equals("-") ? -1 : Long.parseLong(v.get("orig_bytes")), handshake,
                    new InputPosition(ZEEK, i + 1), new EventDetail.Connection(state, -1, Long.parseLong(v.get("orig_pkts")))));
        }
        return events;
    }

    /**
     * Origins from origins.tsv; link-local and private addresses are flagged non-routable (a stand-in
     * for the geo module's bogon list), and the addresses in {@code tor} are flagged as Tor exits.
     */
    public static Function<IpAddress, Origin> origins(Set<IpAddress> tor) {
        Map<IpAddress, Origin> table = new HashMap<>();
        for (String l : lines("origins.tsv")) {
            if (l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t", -1);
            table.put(IpAddress.parse(f[0]), new Origin(f[1].isEmpty() ? null : f[1],
                    f[2].isEmpty() ? -1 : Long.parseLong(f[2]), f[3].isEmpty() ? null : f[3], Set.of()));
        }
        return ip -> {
            Origin o = table.getOrDefault(ip, Origin.UNKNOWN);
            String text = ip.toString();
            if (text.startsWith("fe80:") || text.startsWith("10.") || text.startsWith("192.168.")) {
                o = o.withFlag(OriginFlag.NON_ROUTABLE);
            }
            return tor.contains(ip) ? o.withFlag(OriginFlag.TOR_EXIT) : o;
        };
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
