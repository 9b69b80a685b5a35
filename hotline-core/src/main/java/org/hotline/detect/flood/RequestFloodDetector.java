package org.hotline.detect.flood;

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
import org.hotline.event.EventDetail;

/**
 * Application-layer flood: at least {@code requests} HTTP requests from one source to one site
 * within {@code window}, whatever was asked for and whatever the answer.
 *
 * <p>Default 600 per minute, a sustained 10 requests per second. That is five times the rate at which
 * CrowdSec already calls a client an aggressive crawler (http-crawl-non_statics: bucket of 40,
 * leaking one request per 0.5 s, about 120 per minute beyond the burst) and ten times nginx's
 * documented example limit ({@code rate=1r/s}); a browser fetches tens of assets for a page, in a
 * burst, not for a minute on end. On the elastic/examples Apache log (10,000 real lines) the
 * busiest source makes 108 requests in a minute.
 *
 * <p>Hazard: many users behind one NAT or proxy address look like one source; so does a
 * monitoring probe or a client of an API. Only HTTP events count, because only they prove the
 * source (a handshake); packet floods are spoofable and belong to the firewall's own table.
 */
public final class RequestFloodDetector implements Detector, StateSize {
    public static final DetectorParameter REQUESTS = DetectorParameter.count("requests", 600, 1, 1_000_000_000,
            "requests", "HTTP requests from one source to one site that make a flood (10/s sustained over the default minute)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofMinutes(1),
            Duration.ofSeconds(1), Duration.ofDays(1), "time the requests must fall within");
    public static final List<DetectorParameter> PARAMETERS = List.of(REQUESTS, WINDOW);

    static final String SIGNATURE = "http request flood";

    private final WindowedTallies tallies;
    private final TargetNames targets = new TargetNames();

    public RequestFloodDetector(DetectorSettings settings) {
        this.tallies = new WindowedTallies(AttackType.REQUEST_FLOOD, settings.get(WINDOW), Threshold.events(settings.get(REQUESTS)));
    }

    @Override
    public void accept(Event e) {
        if (e.source() != null && e.detail() instanceof EventDetail.HttpRequest r) {
            tallies.add(e.source(), targets.ofRequest(e, r), SIGNATURE, e);
        }
    }

    @Override
    public void mergeFrom(Detector other) {
        tallies.mergeFrom(((RequestFloodDetector) other).tallies);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        tallies.closeInto(((RequestFloodDetector) shared).tallies, closing);
    }

    @Override
    public void finish(AttackSink sink) {
        tallies.emit(sink);
    }

    @Override
    public long stateEntries() {
        return tallies.stateEntries();
    }
}
