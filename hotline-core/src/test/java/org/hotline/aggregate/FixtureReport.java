package org.hotline.aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.detect.Attack;
import org.hotline.detect.DetectionPlan;
import org.hotline.detect.Detector;
import org.hotline.enrich.DatabaseInfo;
import org.hotline.enrich.Origin;
import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.pipeline.InputSummary;

/**
 * The report of the two fixtures, as tests across packages use it: events tallied, attacks by
 * {@link FixtureAttacks}, origins from origins.tsv with {@link #TOR} flagged as a Tor exit.
 */
public final class FixtureReport {
    /** The busiest client of the access log (bingbot, 58 requests), flagged as a Tor exit to test the exclusion. */
    public static final IpAddress TOR = IpAddress.parse("65.55.213.73");
    public static final Instant GENERATED = Instant.parse("2026-11-22T12:00:00Z");

    private FixtureReport() {}

    public static ReportInput input(List<Attack> extraAttacks) {
        List<Event> apache = Fixtures.apache();
        List<Event> zeek = Fixtures.zeek();
        SourceTally tally = new SourceTally();
        apache.forEach(tally::accept);
        zeek.forEach(tally::accept);
        List<Attack> attacks = new ArrayList<>(FixtureAttacks.of(apache, zeek));
        attacks.addAll(extraAttacks);
        List<InputSummary> inputs = List.of(
                new InputSummary(Fixtures.APACHE, "apache-combined", false, 240_000, false, 1000, 1000, 0, 0, List.of(), null, null),
                new InputSummary(Fixtures.ZEEK, "zeek-conn-tsv", false, 4_904, false, 44, 34, 10, 0, List.of(), null, null));
        return new ReportInput(inputs, attacks, tally, Fixtures.origins(Set.of(TOR)), databases(),
                new RunInfo("0.1.0-test", GENERATED, ZoneId.of("UTC"), Map.of("threads", "2", "flood.minRequests", "20")),
                List.of());
    }

    /**
     * The report of {@code events} as the pipeline would make it with these detectors: their attacks,
     * every source unlocated, no database (for what depends on the attacks, not on the origins).
     */
    public static OriginReport of(String input, List<Event> events, DetectionPlan detection) {
        SourceTally tally = new SourceTally();
        events.forEach(tally::accept);
        List<Detector> detectors = detection.get();
        events.forEach(e -> detectors.forEach(d -> d.accept(e)));
        List<Attack> attacks = new ArrayList<>();
        detectors.forEach(d -> d.finish(attacks::add));
        InputSummary summary = new InputSummary(input, "test", false, 0, false, events.size(), events.size(), 0, 0,
                List.of(), null, null);
        return OriginReportBuilder.build(new ReportInput(List.of(summary), attacks, tally, ip -> Origin.UNKNOWN, List.of(),
                new RunInfo("0.1.0-test", GENERATED, ZoneId.of("UTC"), Map.of()), List.of()));
    }

    public static OriginReport build() {
        return OriginReportBuilder.build(input(List.of()));
    }

    public static List<DatabaseInfo> databases() {
        return List.of(
                new DatabaseInfo("country", "geo-whois-asn-country-ipv4-num.csv", "range-csv", "2026-06-17",
                        "2a3e609015884c93c2d398e777ce1d2d34cab026054c43559bff32b25669f606", 550_667,
                        "npm @ip-location-db/geo-whois-asn-country 2.3.2026061719; NRO data, CC BY 4.0, https://www.nro.net"),
                new DatabaseInfo("asn", "asn-ipv4-num.csv", "range-csv", "2026-06-17",
                        "b9425daf2f011c28f8586685d4f89166e77627e2c15fd93c6262c3e2dead6153", 411_961,
                        "npm @ip-location-db/asn 2.3.2026061719; RouteViews and DB-IP (https://db-ip.com), CC BY 4.0"));
    }
}
