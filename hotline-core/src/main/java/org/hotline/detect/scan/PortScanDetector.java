package org.hotline.detect.scan;

import java.time.Duration;
import java.util.List;
import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.detect.Detector;
import org.hotline.detect.DetectorParameter;
import org.hotline.detect.DetectorSettings;
import org.hotline.detect.WindowClosing;
import org.hotline.detect.StateSize;
import org.hotline.detect.tally.TargetNames;
import org.hotline.detect.tally.Threshold;
import org.hotline.detect.tally.WindowedTallies;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.event.Protocol;

/**
 * Port scans from firewall and flow records ({@link ConnectionAttempts} says which records count):
 * <ul>
 *   <li>vertical: one source probing at least {@code ports} distinct destination ports (per
 *       protocol) of one host within {@code window}; target = that host;</li>
 *   <li>horizontal: one source probing one port on at least {@code hosts} distinct hosts within
 *       {@code window}; target = "port 23/tcp".</li>
 * </ul>
 * A source doing both is reported as both. The counts are Zeek's scan.zeek defaults
 * ({@code port_scan_threshold = 15}, {@code addr_scan_threshold = 25}); CrowdSec's
 * iptables-scan-multi_ports likewise trips on 15 distinct ports. The window is longer than Zeek's 5
 * minutes because Hotline reads logs after the fact, when a slow scanner matters as much as a fast
 * one, and the Internet's scanners pace themselves: on a real week of UFW blocks on one VPS (30,240
 * packets, rafmio/log-tracker, not redistributable) 5-minute windows found 1 scanning source,
 * 1-hour windows 19 and 1-day windows 94. An hour keeps the attack's time span readable; set
 * {@code window=1d} to catch the slowest.
 *
 * <p>Hazard: most of these records are packets, not handshakes, so the source may be forged
 * (the attacks carry {@link org.hotline.event.Verification#UNVERIFIED}); and a host answering many
 * clients on one port (a DNS resolver's replies) can look like a horizontal scan in a log of its
 * outbound traffic.
 */
public final class PortScanDetector implements Detector, StateSize {
    public static final DetectorParameter PORTS = DetectorParameter.count("ports", 15, 2, 65_536,
            "distinct ports", "distinct ports of one host probed by one source that make a vertical scan (Zeek port_scan_threshold)");
    public static final DetectorParameter HOSTS = DetectorParameter.count("hosts", 25, 2, 1_000_000,
            "distinct hosts", "distinct hosts probed on one port by one source that make a horizontal scan (Zeek addr_scan_threshold)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofHours(1),
            Duration.ofSeconds(1), Duration.ofDays(7), "time the probes must fall within (Zeek uses 5min for live traffic; scanners of one host are slower)");
    public static final List<DetectorParameter> PARAMETERS = List.of(PORTS, HOSTS, WINDOW);

    static final String VERTICAL = "vertical port scan";
    static final String HORIZONTAL = "horizontal port scan";

    private final WindowedTallies vertical;
    private final WindowedTallies horizontal;
    private final TargetNames hosts = new TargetNames();
    private final String[][] portNames = new String[3][];

    public PortScanDetector(DetectorSettings settings) {
        long window = settings.get(WINDOW);
        this.vertical = new WindowedTallies(AttackType.PORT_SCAN, window, Threshold.distinct((int) settings.get(PORTS)));
        this.horizontal = new WindowedTallies(AttackType.PORT_SCAN, window, Threshold.distinct((int) settings.get(HOSTS)));
    }

    @Override
    public void accept(Event e) {
        if (!ConnectionAttempts.isProbe(e)) {
            return;
        }
        int protocol = protocolIndex(e.protocol());
        vertical.add(e.source(), hosts.of(null, e.destination()), VERTICAL, e,
                ((long) protocol << 16) | e.destinationPort());
        IpAddress destination = e.destination();
        if (destination != null) {
            long hostHash = destination.high() * 0x9E37_79B9_7F4A_7C15L ^ destination.low();
            horizontal.add(e.source(), portName(protocol, e.destinationPort()), HORIZONTAL, e, hostHash);
        }
    }

    private static int protocolIndex(Protocol p) {
        return p == Protocol.TCP ? 0 : p == Protocol.UDP ? 1 : 2;
    }

    private String portName(int protocol, int port) {
        String[] names = portNames[protocol];
        if (names == null) {
            names = portNames[protocol] = new String[65_536];
        }
        String name = names[port];
        if (name == null) {
            name = names[port] = "port " + port + "/" + (protocol == 0 ? "tcp" : protocol == 1 ? "udp" : "other");
        }
        return name;
    }

    @Override
    public void mergeFrom(Detector other) {
        PortScanDetector o = (PortScanDetector) other;
        vertical.mergeFrom(o.vertical);
        horizontal.mergeFrom(o.horizontal);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        vertical.closeInto(((PortScanDetector) shared).vertical, closing);
        horizontal.closeInto(((PortScanDetector) shared).horizontal, closing);
    }

    @Override
    public void finish(AttackSink sink) {
        vertical.emit(sink);
        horizontal.emit(sink);
    }

    @Override
    public long stateEntries() {
        return vertical.stateEntries() + horizontal.stateEntries();
    }
}
