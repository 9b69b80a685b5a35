package org.hotline.flink;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.hotline.detect.DetectionPlan;
import org.hotline.flink.functions.GeoFiles;
import org.hotline.flink.records.InputFile;
import org.hotline.geo.DefaultDatabases;
import org.hotline.geo.GeoSources;
import org.hotline.pipeline.Pipeline;
import org.hotline.source.Sources;

/**
 * What the client settles before the job is submitted, so that everything a user can get wrong
 * (a detector name, a value, a format, a zone, missing databases, a Kafka topic the brokers do not
 * have) fails at once, naming the argument, instead of on the cluster: the inputs expanded as
 * {@code hotline analyze} expands them
 * (each file once, a warning for each repeat), the detection plan, and the geo databases.
 *
 * <p>Hazard: inputs and databases are found on the client and read at the same paths on the task
 * managers, so on a cluster they must sit on storage every machine mounts at the same place.
 *
 * @param settings the choices that shaped the numbers, for the report's method section
 * @param warnings what the expansion found (inputs named twice), for the report
 */
record JobPlan(List<InputFile> inputs, List<String> warnings, JobOptions options, GeoFiles geo,
               Map<String, String> settings) {

    static JobPlan of(JobOptions options) {
        try {
            ZoneId.of(options.zone());
        } catch (DateTimeException e) {
            throw new InputException("--timezone " + options.zone() + ": " + e.getMessage());
        }
        new Pipeline.Settings(options.format(), options.year(), ZoneId.of(options.zone()), 1);   // checks format and year
        if (options.kafkaFormat() != null) {
            try {
                new Pipeline.Settings(options.kafkaFormat(), 0, ZoneId.of("UTC"), 1);
            } catch (InputException e) {
                throw new InputException("--kafka-format: " + e.getMessage());
            }
        }
        DetectionPlan detection = DetectionPlan.of(options.detectors(), options.detect());
        Sources.Once once = Sources.once(Sources.expand(options.inputs()));
        List<InputFile> inputs = new ArrayList<>();
        for (Sources.Input input : once.inputs()) {
            if (input.isStdin()) {
                throw new InputException("--input -: standard input cannot be read by a Flink job; give files");
            }
            inputs.add(InputFile.of(inputs.size(), input));
        }
        if (!options.kafkaTopics().isEmpty()) {
            KafkaInput.check(options.kafkaBootstrap(), options.kafkaTopics(), options.kafkaProperties());
        }
        Path bundled = options.home() != null ? options.home().resolve("data").resolve("geo") : DefaultDatabases.bundledDirectory();
        GeoSources geo = GeoSources.withDefaults(options.geoDb(), options.asnDb(), options.torExits(),
                () -> DefaultDatabases.locate(DefaultDatabases.userDirectory(), bundled));
        return new JobPlan(List.copyOf(inputs), once.repeats(), options, GeoFiles.of(geo), settings(options, detection));
    }

    /** As {@code hotline analyze} states them, with the job's own where they differ. */
    private static Map<String, String> settings(JobOptions options, DetectionPlan detection) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("format", options.format() == null ? "detected per input" : options.format());
        if (!options.kafkaTopics().isEmpty()) {
            s.put("kafka", "topics " + String.join(", ", options.kafkaTopics()) + " at " + options.kafkaBootstrap()
                    + ", each partition one input, read from its earliest offset to its latest at job start");
            s.put("kafka format", options.kafkaRecordFormat() == null ? "detected per topic-partition"
                    : options.kafkaRecordFormat());
        }
        s.put("year", options.year() == 0 ? "inferred from file times" : Integer.toString(options.year()));
        s.put("timezone", options.zone());
        s.put("engine", "Apache Flink job (hotline-flink): inputs read whole by one subtask each, events sent to"
                + " a subtask per source address");
        s.put("lateness", "unlimited (every detector window is judged once all input is read)");
        List<String> rules = detection.describe();
        for (int i = 0; i < rules.size(); i++) {
            s.put("detector." + (i + 1), rules.get(i));
        }
        return s;
    }

    /** The version Maven built, as every report states it. */
    static String version() {
        return org.hotline.BuildVersion.of(JobPlan.class);
    }
}
