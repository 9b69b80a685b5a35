package org.hotline.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.InputException;

/**
 * Which detectors run and with which settings: what {@code --detectors a,b} and
 * {@code --detect name.param=value} ask for, checked before any input is read. It is the
 * {@code Supplier<List<Detector>>} the {@link org.hotline.pipeline.Pipeline} calls once per worker,
 * and it lists every rule with its value for the report's method section.
 *
 * @param entries the chosen detectors in registry order, each with its settings
 */
public record DetectionPlan(List<Entry> entries) implements Supplier<List<Detector>> {

    /** One chosen detector and the values it runs with. */
    public record Entry(DetectorSpec spec, DetectorSettings settings) {}

    public DetectionPlan {
        entries = List.copyOf(entries);
    }

    /** Every built-in detector with its defaults. */
    public static DetectionPlan defaults() {
        return of(null, List.of());
    }

    /**
     * @param names       detectors to run, or null (or empty) for all of them
     * @param assignments {@code detector.parameter=value} overrides; a later one wins
     * @throws InputException naming the bad name, parameter or value and what is allowed
     */
    public static DetectionPlan of(List<String> names, List<String> assignments) {
        Map<String, DetectorSettings> chosen = new LinkedHashMap<>();
        if (names == null || names.isEmpty()) {
            Detectors.all().forEach(s -> chosen.put(s.name(), s.defaults()));
        } else {
            for (String name : names) {
                DetectorSpec spec = Detectors.byName(name.trim());
                chosen.putIfAbsent(spec.name(), spec.defaults());
            }
        }
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            int dot = assignment.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw new InputException("--detect " + assignment + ": expected detector.parameter=value, e.g. brute-force.failures=10");
            }
            String detector = assignment.substring(0, dot).trim();
            String parameter = assignment.substring(dot + 1, eq).trim();
            DetectorSettings settings = chosen.get(detector);
            if (settings == null) {
                Detectors.byName(detector);
                throw new InputException("--detect " + assignment + ": detector " + detector + " is not selected by --detectors");
            }
            chosen.put(detector, settings.with(parameter, assignment.substring(eq + 1)));
        }
        List<Entry> entries = new ArrayList<>();
        for (DetectorSpec spec : Detectors.all()) {
            DetectorSettings settings = chosen.get(spec.name());
            if (settings != null) {
                entries.add(new Entry(spec, settings));
            }
        }
        return new DetectionPlan(entries);
    }

    /** Fresh detector instances, one per chosen detector, in registry order. */
    @Override
    public List<Detector> get() {
        List<Detector> detectors = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            detectors.add(e.spec().create(e.settings()));
        }
        return detectors;
    }

    /** One line per detector, "brute-force failures=5 window=10m", for the report's method section. */
    public List<String> describe() {
        return entries.stream().map(e -> e.settings().toString()).toList();
    }
}
