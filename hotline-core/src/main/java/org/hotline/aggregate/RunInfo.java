package org.hotline.aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the caller knows about the run that the pipeline does not: the report's metadata.
 *
 * @param version     Hotline's version
 * @param generatedAt when the report is made (a parameter, so tests and re-runs are reproducible)
 * @param zone        the zone for time buckets (the one given to the pipeline for zone-less timestamps)
 * @param settings    command-line choices and detector thresholds by name ("threads", "ssh.maxFailures"…)
 */
public record RunInfo(String version, Instant generatedAt, ZoneId zone, Map<String, String> settings) {
    public RunInfo {
        if (version == null || generatedAt == null || zone == null) {
            throw new IllegalArgumentException("version, generatedAt and zone are required");
        }
        settings = Map.copyOf(settings);
    }
}
