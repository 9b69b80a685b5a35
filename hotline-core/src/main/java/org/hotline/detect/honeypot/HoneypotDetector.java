package org.hotline.detect.honeypot;

import java.time.Duration;
import java.util.List;
import org.hotline.detect.AttackSink;
import org.hotline.detect.AttackType;
import org.hotline.detect.Detector;
import org.hotline.detect.DetectorParameter;
import org.hotline.detect.DetectorSettings;
import org.hotline.detect.WindowClosing;
import org.hotline.detect.StateSize;
import org.hotline.detect.tally.Threshold;
import org.hotline.detect.tally.WindowedTallies;
import org.hotline.event.Event;
import org.hotline.event.EventDetail;

/**
 * Honeypot contact: a honeypot has no legitimate users, so every event carrying a
 * {@link EventDetail.HoneypotAction} (Cowrie's connects, logins, commands, downloads, proxy
 * requests) is hostile. One {@link AttackType#HONEYPOT} attack per source per run of adjacent
 * {@code window}s with contact, target "honeypot"; its count is the number of honeypot events (log
 * records, not sessions). Logins also feed the brute-force detector, which judges their rate.
 *
 * <p>Neither the sensor's address nor the service is part of the key: Cowrie writes the address
 * only on a session's connect record and the protocol not on every record (a file download names
 * neither), so keying on them would split one visit into several attacks.
 */
public final class HoneypotDetector implements Detector, StateSize {
    public static final DetectorParameter EVENTS = DetectorParameter.count("events", 1, 1, 1_000_000,
            "honeypot events", "honeypot events from one source that make an attack (any contact is hostile)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofHours(1),
            Duration.ofSeconds(1), Duration.ofDays(7), "contacts of one source closer than this form one attack");
    public static final List<DetectorParameter> PARAMETERS = List.of(EVENTS, WINDOW);

    static final String TARGET = "honeypot";
    static final String SIGNATURE = "honeypot contact";

    private final WindowedTallies tallies;

    public HoneypotDetector(DetectorSettings settings) {
        this.tallies = new WindowedTallies(AttackType.HONEYPOT, settings.get(WINDOW), Threshold.events(settings.get(EVENTS)));
    }

    @Override
    public void accept(Event e) {
        if (e.source() == null || !(e.detail() instanceof EventDetail.HoneypotAction)) {
            return;
        }
        tallies.add(e.source(), TARGET, SIGNATURE, e);
    }

    @Override
    public void mergeFrom(Detector other) {
        tallies.mergeFrom(((HoneypotDetector) other).tallies);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        tallies.closeInto(((HoneypotDetector) shared).tallies, closing);
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
