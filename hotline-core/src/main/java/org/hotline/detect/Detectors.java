package org.hotline.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.detect.bruteforce.AuthBruteForceDetector;
import org.hotline.detect.flood.RequestFloodDetector;
import org.hotline.detect.honeypot.HoneypotDetector;
import org.hotline.detect.ids.IdsAlertDetector;
import org.hotline.detect.scan.PathScanDetector;
import org.hotline.detect.scan.PortScanDetector;
import org.hotline.detect.webexploit.WebExploitDetector;

/**
 * The built-in detectors, listed in one place: name, one-line description, parameters, factory.
 * {@code --detectors} takes these names, {@code --detect name.param=value} their parameters, and
 * {@code hotline detectors} prints this list. Attacks come out in this order.
 */
public final class Detectors {
    private static final List<DetectorSpec> BUILT_INS = List.of(
            new DetectorSpec("brute-force",
                    "repeated failed logins: SSH and other services, HTTP 401s and login-form POSTs, honeypot logins",
                    AuthBruteForceDetector.PARAMETERS, AuthBruteForceDetector::new),
            new DetectorSpec("request-flood",
                    "far more HTTP requests from one source than a client makes",
                    RequestFloodDetector.PARAMETERS, RequestFloodDetector::new),
            new DetectorSpec("port-scan",
                    "one source probing many ports of a host, or one port on many hosts (firewall and flow records)",
                    PortScanDetector.PARAMETERS, PortScanDetector::new),
            new DetectorSpec("path-scan",
                    "one source requesting many distinct missing or refused paths (content discovery)",
                    PathScanDetector.PARAMETERS, PathScanDetector::new),
            new DetectorSpec("web-exploit",
                    "requests carrying exploit payloads or attack-tool fingerprints: SQL injection, traversal, command injection, worms, scanners, admin probes",
                    WebExploitDetector.PARAMETERS, WebExploitDetector::new),
            new DetectorSpec("ids",
                    "IDS alerts passed through with their signature and severity",
                    IdsAlertDetector.PARAMETERS, IdsAlertDetector::new),
            new DetectorSpec("honeypot",
                    "any contact with a honeypot, which has no legitimate users",
                    HoneypotDetector.PARAMETERS, HoneypotDetector::new));

    private static final Map<String, DetectorSpec> BY_NAME = index(BUILT_INS);

    private Detectors() {}

    public static List<DetectorSpec> all() {
        return BUILT_INS;
    }

    /** The spec named in {@code --detectors}; an unknown name is a user error listing the known ones. */
    public static DetectorSpec byName(String name) {
        DetectorSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new InputException("unknown detector '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return spec;
    }

    private static Map<String, DetectorSpec> index(List<DetectorSpec> specs) {
        Map<String, DetectorSpec> map = new LinkedHashMap<>();
        for (DetectorSpec s : specs) {
            if (map.put(s.name(), s) != null) {
                throw new IllegalStateException("detector registered twice: " + s.name());
            }
        }
        return map;
    }
}
