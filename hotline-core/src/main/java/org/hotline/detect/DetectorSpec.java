package org.hotline.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A registered detector: its name (as in {@code --detectors brute-force,port-scan}), a one-line
 * description for {@code hotline detectors}, its tunable parameters, and a factory that makes a
 * fresh instance from settings. The pipeline calls the factory once per worker thread, so an
 * instance never sees two threads.
 */
public record DetectorSpec(String name, String description, List<DetectorParameter> parameters,
                           Function<DetectorSettings, Detector> factory) {

    public DetectorSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("detector name must be lower-case and hyphenated: " + name);
        }
        if (description == null || factory == null) {
            throw new IllegalArgumentException(name + ": description and factory are required");
        }
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (DetectorParameter p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException(name + ": parameter listed twice: " + p.name());
            }
        }
    }

    /** Every parameter at its default. */
    public DetectorSettings defaults() {
        return DetectorSettings.defaults(name, parameters);
    }

    /** A fresh instance; {@code settings} must be this detector's (from {@link #defaults()}). */
    public Detector create(DetectorSettings settings) {
        if (!settings.detector().equals(name)) {
            throw new IllegalArgumentException("settings of " + settings.detector() + " given to " + name);
        }
        return factory.apply(settings);
    }
}
