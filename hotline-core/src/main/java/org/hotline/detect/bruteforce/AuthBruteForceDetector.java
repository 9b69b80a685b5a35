package org.hotline.detect.bruteforce;

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
 * Password guessing: at least {@code failures} failed logins from one source against one target
 * within {@code window} (see {@link WindowedTallies} for the window rule).
 *
 * <p>What counts as one failed login, by signature:
 * <ul>
 *   <li>"&lt;service&gt; failed logins": an event with outcome {@link Outcome#AUTH_FAILURE} (sshd
 *       "Failed password", "Invalid user", PAM "authentication failure": whatever the parser calls a
 *       failure; a {@link Outcome#PREAUTH_DISCONNECT} alone is not a login attempt).</li>
 *   <li>"&lt;service&gt; honeypot logins": a honeypot login, failed or successful (a honeypot accepts
 *       guessed passwords, so a success is a guess too).</li>
 *   <li>"http auth failures": an HTTP 401 (except OPTIONS, PROPFIND and REPORT, where WebDAV and
 *       CalDAV clients get a challenge before every login, as CrowdSec's http-generic-401-bf
 *       excludes them), a 403 on a login endpoint, or an HTTP event the parser marked a failure.</li>
 *   <li>"http login form posts": a POST to a login endpoint ({@link LoginEndpoints}), whatever the
 *       status: WordPress answers a wrong password with 200, so status cannot tell.</li>
 * </ul>
 * Hazard: a log that writes two lines for one attempt (sshd's "Invalid user" and "Failed password
 * for invalid user") counts twice if the parser makes an event of each, as fail2ban does.
 *
 * <p>Target: the service and the destination host or address where the log names one.
 */
public final class AuthBruteForceDetector implements Detector, StateSize {
    public static final DetectorParameter FAILURES = DetectorParameter.count("failures", 5, 1, 1_000_000,
            "failed logins", "failed logins from one source to one target that make an attack (fail2ban maxretry, CrowdSec ssh-bf capacity: 5)");
    public static final DetectorParameter WINDOW = DetectorParameter.duration("window", Duration.ofMinutes(10),
            Duration.ofSeconds(1), Duration.ofDays(7), "time the failures must fall within (fail2ban findtime: 10m)");
    public static final List<DetectorParameter> PARAMETERS = List.of(FAILURES, WINDOW);

    static final String HTTP_AUTH = "http auth failures";
    static final String HTTP_FORM = "http login form posts";

    private final WindowedTallies tallies;
    private final TargetNames targets = new TargetNames();
    private final Map<String, String> failedSignatures = new HashMap<>();
    private final Map<String, String> honeypotSignatures = new HashMap<>();

    public AuthBruteForceDetector(DetectorSettings settings) {
        this.tallies = new WindowedTallies(AttackType.BRUTE_FORCE, settings.get(WINDOW), Threshold.events(settings.get(FAILURES)));
    }

    @Override
    public void accept(Event e) {
        if (e.source() == null) {
            return;
        }
        EventDetail detail = e.detail();
        Outcome outcome = e.outcome();
        if (detail instanceof EventDetail.HoneypotAction) {
            if (outcome == Outcome.AUTH_FAILURE || outcome == Outcome.AUTH_SUCCESS) {
                String signature = honeypotSignatures.computeIfAbsent(service(e), s -> s + " honeypot logins");
                tallies.add(e.source(), targets.of(e.service(), e.destination()), signature, e);
            }
        } else if (detail instanceof EventDetail.HttpRequest r) {
            String signature = httpSignature(outcome, r);
            if (signature != null) {
                tallies.add(e.source(), targets.ofRequest(e, r), signature, e);
            }
        } else if (outcome == Outcome.AUTH_FAILURE) {
            if ("http".equals(e.service()) || "https".equals(e.service())) {
                tallies.add(e.source(), targets.of(e.service(), e.destination()), HTTP_AUTH, e);
            } else {
                String signature = failedSignatures.computeIfAbsent(service(e), s -> s + " failed logins");
                tallies.add(e.source(), targets.of(e.service(), e.destination()), signature, e);
            }
        }
    }

    private static String httpSignature(Outcome outcome, EventDetail.HttpRequest r) {
        if (outcome == Outcome.AUTH_FAILURE) {
            return HTTP_AUTH;
        }
        if (r.status() == 401 && !challengedFirst(r.method())) {
            return HTTP_AUTH;
        }
        boolean loginEndpoint = (r.status() == 403 || "POST".equalsIgnoreCase(r.method())) && LoginEndpoints.matches(r.target());
        if (!loginEndpoint) {
            return null;
        }
        return r.status() == 403 ? HTTP_AUTH : HTTP_FORM;
    }

    private static boolean challengedFirst(String method) {
        return "OPTIONS".equalsIgnoreCase(method) || "PROPFIND".equalsIgnoreCase(method) || "REPORT".equalsIgnoreCase(method);
    }

    private static String service(Event e) {
        return e.service() == null ? "unknown service" : e.service();
    }

    @Override
    public void mergeFrom(Detector other) {
        tallies.mergeFrom(((AuthBruteForceDetector) other).tallies);
    }

    @Override
    public void closeWindows(WindowClosing closing, Detector shared) {
        tallies.closeInto(((AuthBruteForceDetector) shared).tallies, closing);
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
