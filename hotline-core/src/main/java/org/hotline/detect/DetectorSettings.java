package org.hotline.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;

/**
 * The values one detector runs with: every parameter of its {@link DetectorSpec}, each at its
 * default unless overridden. Immutable; overriding returns a new instance. Values were checked when
 * they were read ({@link DetectorParameter#parse}), so a detector's constructor can trust them.
 */
public final class DetectorSettings {
    private final String detector;
    private final List<DetectorParameter> parameters;
    private final Map<String, Long> values;

    private DetectorSettings(String detector, List<DetectorParameter> parameters, Map<String, Long> values) {
        this.detector = detector;
        this.parameters = parameters;
        this.values = values;
    }

    /** Every parameter at its default. */
    static DetectorSettings defaults(String detector, List<DetectorParameter> parameters) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (DetectorParameter p : parameters) {
            values.put(p.name(), p.defaultValue());
        }
        return new DetectorSettings(detector, List.copyOf(parameters), Map.copyOf(values));
    }

    /**
     * A copy with one parameter set from text, as given by {@code --detect detector.name=text}.
     *
     * @throws InputException for an unknown parameter (listing the known ones) or a bad value
     */
    public DetectorSettings with(String name, String text) {
        DetectorParameter p = parameter(name);
        long value = p.parse(detector + "." + name, text);
        Map<String, Long> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new DetectorSettings(detector, parameters, Map.copyOf(copy));
    }

    /** The value of one of this detector's parameters (milliseconds for durations). */
    public long get(DetectorParameter p) {
        Long v = values.get(p.name());
        if (v == null) {
            throw new IllegalArgumentException(detector + " has no parameter '" + p.name() + "'");
        }
        return v;
    }

    /** The value as a user would write it ("5", "10m"), for reports. */
    public String format(DetectorParameter p) {
        return p.format(get(p));
    }

    public String detector() {
        return detector;
    }

    public List<DetectorParameter> parameters() {
        return parameters;
    }

    private DetectorParameter parameter(String name) {
        for (DetectorParameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        String known = parameters.isEmpty() ? "none"
                : String.join(", ", parameters.stream().map(DetectorParameter::name).toList());
        throw new InputException("unknown parameter '" + detector + "." + name + "'; " + detector + " has: " + known);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorSettings s && s.detector.equals(detector) && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return detector.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(detector);
        for (DetectorParameter p : parameters) {
            sb.append(' ').append(p.name()).append('=').append(format(p));
        }
        return sb.toString();
    }
}
