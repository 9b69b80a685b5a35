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
import org.hotline.event.EventDetail;

/**
 * Content discovery (dirb, gobuster, vulnerability scanners walking a word list): one source asking
 * one site for at least {@code paths} distinct paths that do not exist or are refused within
 * {@code window}.
 *
 * <p>A request counts when its status is 404, 403 or 400 and its path is not a static resource
 * ({@link RequestPaths}), the filter of CrowdSec's http-probing scenario; the query string is
 * ignored, so {@code /a?x=1} and {@code /a?x=2} are one path. Default: 10 distinct paths in a minute,
 * after http-probing's bucket of 10 distinct paths leaking one per 10 s.
 *
 * <p>Hazard: a crawler following many broken links in a short time looks the same (on the
 * elastic/examples Apache log a search-engine bot requests 10 missing paths within one minute).
 */
public final class PathScanDetector implements Detector, StateSize {
    public static final DetectorParameter PATHS = DetectorParameter.count("paths", 10, 2, 1_000_000,
            "distinct paths", "distinct missing or refused paths from one source that make a scan (CrowdSec http-probing capacity: 10)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofMinutes(1),
            Duration.ofSeconds(1), Duration.ofDays(1), "time the requests must fall within");
    public static final List<DetectorParameter> PARAMETERS = List.of(PATHS, WINDOW);

    static final String SIGNATURE = "http path discovery";

    private final WindowedTallies tallies;
    private final TargetNames targets = new TargetNames();

    public PathScanDetector(DetectorSettings settings) {
        this.tallies = new WindowedTallies(AttackType.PATH_SCAN, settings.get(WINDOW), Threshold.distinct((int) settings.get(PATHS)));
    }

    @Override
    public void accept(Event e) {
        if (e.source() == null || !(e.detail() instanceof EventDetail.HttpRequest r) || r.target() == null) {
            return;
        }
        int status = r.status();
        if (status != 404 && status != 403 && status != 400) {
            return;
        }
        String target = r.target();
        int end = RequestPaths.pathEnd(target);
        if (RequestPaths.isStatic(target, end)) {
            return;
        }
        tallies.add(e.source(), targets.ofRequest(e, r), SIGNATURE, e, RequestPaths.hash(target, end));
    }

    @Override
    public void mergeFrom(Detector other) {
        tallies.mergeFrom(((PathScanDetector) other).tallies);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        tallies.closeInto(((PathScanDetector) shared).tallies, closing);
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
