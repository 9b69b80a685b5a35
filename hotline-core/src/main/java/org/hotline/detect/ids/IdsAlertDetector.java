package org.hotline.detect.ids;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.hotline.event.Outcome;

/**
 * Passes IDS alerts through: every {@link Outcome#ALERT} event with its
 * {@link EventDetail.IdsAlert} becomes part of an {@link AttackType#IDS_ALERT} attack keyed by source
 * and signature (the rule's text and id, "ET SCAN Potential SSH Scan (sid 2001219)"), carrying the
 * engine's strongest severity (1 = high). The IDS already decided these are attacks, so by default
 * one alert is enough; alerts of the same source and rule in adjacent {@code window}s are one attack.
 *
 * <p>Target: the alert's destination address. It is part of the key, so one rule fired by one source
 * against three hosts is three attacks: an {@link org.hotline.detect.Attack} names one target, and
 * the count per host stays exact. (A sweep across a network therefore yields one attack per host
 * hit; the port-scan detector is the one that sums a sweep up.)
 */
public final class IdsAlertDetector implements Detector, StateSize {
    public static final DetectorParameter ALERTS = DetectorParameter.count("alerts", 1, 1, 1_000_000,
            "alerts", "alerts of one rule from one source that make an attack (the IDS already judged each one)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofHours(1),
            Duration.ofSeconds(1), Duration.ofDays(7), "alerts of one rule and source closer than this form one attack");
    public static final List<DetectorParameter> PARAMETERS = List.of(ALERTS, WINDOW);

    private final WindowedTallies tallies;
    private final TargetNames targets = new TargetNames();
    private final Map<Long, Map<String, String>> signatures = new HashMap<>();

    public IdsAlertDetector(DetectorSettings settings) {
        this.tallies = new WindowedTallies(AttackType.IDS_ALERT, settings.get(WINDOW), Threshold.events(settings.get(ALERTS)));
    }

    @Override
    public void accept(Event e) {
        if (e.source() == null || e.outcome() != Outcome.ALERT || !(e.detail() instanceof EventDetail.IdsAlert alert)) {
            return;
        }
        tallies.add(e.source(), targets.of(null, e.destination()), signature(alert), e);
    }

    /** One string per (sid, text), built once: the hot path of an alert-heavy EVE file. */
    private String signature(EventDetail.IdsAlert alert) {
        Map<String, String> byText = signatures.computeIfAbsent(alert.signatureId(), sid -> new HashMap<>());
        String text = alert.signature() == null ? "" : alert.signature();
        String name = byText.get(text);
        if (name == null) {
            name = text.isEmpty() ? "sid " + alert.signatureId() : text + " (sid " + alert.signatureId() + ")";
            byText.put(text, name);
        }
        return name;
    }

    @Override
    public void mergeFrom(Detector other) {
        tallies.mergeFrom(((IdsAlertDetector) other).tallies);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        tallies.closeInto(((IdsAlertDetector) shared).tallies, closing);
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
