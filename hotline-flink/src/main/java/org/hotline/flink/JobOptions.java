package org.hotline.flink;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hotline.InputException;

/**
 * The job's command line: {@code --input PATH...} and/or {@code --kafka-bootstrap HOST:PORT
 * --kafka-topic NAME...}, {@code --out FILE}, and the analysis options of
 * {@code hotline analyze} that apply to it, under the same names. Flink's {@code flink run} passes
 * everything after the jar to {@link AttributionJob#main}; this parses it, and names the bad
 * argument and the rule when it cannot.
 *
 * @param inputs    files, directories or quoted globs, as {@code hotline analyze} takes them
 * @param out       where the JSON report is written, on the machine that runs {@code flink run}
 * @param home      installation root whose {@code data/geo} holds the bundled databases, or null
 *                  for the system property {@code hotline.home}
 * @param detectors names for {@code --detectors}, empty for all
 * @param detect    {@code detector.parameter=value} overrides
 * @param format    forced format, or null to detect per input
 * @param year      year for year-less timestamps, 0 to infer it
 * @param zone      zone for timestamps without one
 * @param kafkaBootstrap Kafka's bootstrap servers ({@code host:port[,host:port]}), or null for no Kafka input
 * @param kafkaTopics    topics read from their earliest to their latest offsets at job start
 * @param kafkaFormat    forced format of the Kafka records, or null for {@code format} (else detected
 *                       per topic-partition)
 * @param kafkaProperties Kafka client settings (TLS, SASL, timeouts), from {@code --kafka-properties FILE}
 *                       and then {@code --kafka-property KEY=VALUE}, for the topic check and the source alike
 */
record JobOptions(List<String> inputs, Path out, List<Path> geoDb, List<Path> asnDb, Path torExits, Path home,
                  List<String> detectors, List<String> detect, String format, int year, String zone,
                  String kafkaBootstrap, List<String> kafkaTopics, String kafkaFormat, Map<String, String> kafkaProperties) {

    /**
     * Client settings the job sets itself, so that a properties file written for another consumer
     * cannot change what is read: where from, under which group, how records are decoded, and that
     * no offsets are committed.
     */
    static final Set<String> OWN_KAFKA_SETTINGS = Set.of("bootstrap.servers", "group.id", "key.deserializer",
            "value.deserializer", "enable.auto.commit", "auto.offset.reset", "commit.offsets.on.checkpoint");

    static final String USAGE = "usage: flink run hotline-flink.jar [--input PATH [PATH...]]"
            + " [--kafka-bootstrap HOST:PORT --kafka-topic NAME... [--kafka-format NAME]"
            + " [--kafka-properties FILE] [--kafka-property KEY=VALUE]...] --out report.json"
            + " [--geo-db FILE]... [--asn-db FILE]... [--tor-exits FILE] [--home DIR]"
            + " [--detectors a,b] [--detect detector.parameter=value]... [--format NAME] [--year YYYY] [--timezone ZONE]";

    static JobOptions parse(String... args) {
        Builder b = new Builder();
        Map<String, Consumer<String>> single = Map.ofEntries(
                Map.entry("--out", v -> b.out = Path.of(v)),
                Map.entry("--geo-db", v -> b.geoDb.add(Path.of(v))),
                Map.entry("--asn-db", v -> b.asnDb.add(Path.of(v))),
                Map.entry("--tor-exits", v -> b.torExits = Path.of(v)),
                Map.entry("--home", v -> b.home = Path.of(v)),
                Map.entry("--detectors", v -> b.detectors.addAll(List.of(v.split(",")))),
                Map.entry("--detect", b.detect::add),
                Map.entry("--format", v -> b.format = v),
                Map.entry("--year", v -> b.year = year(v)),
                Map.entry("--timezone", v -> b.zone = v),
                Map.entry("--kafka-bootstrap", v -> b.kafkaBootstrap = v),
                Map.entry("--kafka-topic", b.kafkaTopics::add),
                Map.entry("--kafka-format", v -> b.kafkaFormat = v),
                Map.entry("--kafka-properties", v -> b.kafkaPropertiesFile = Path.of(v)),
                Map.entry("--kafka-property", b.kafkaProperty::add));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--input")) {
                while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    b.inputs.add(args[++i]);
                }
                continue;
            }
            Consumer<String> set = single.get(option);
            if (set == null) {
                throw new InputException("unknown argument '" + option + "'; " + USAGE);
            }
            if (i + 1 == args.length) {
                throw new InputException(option + ": needs a value; " + USAGE);
            }
            set.accept(args[++i]);
        }
        if (b.inputs.isEmpty() && b.kafkaTopics.isEmpty()) {
            throw new InputException("--input: give at least one file or directory, or a --kafka-topic; " + USAGE);
        }
        if (b.kafkaTopics.isEmpty() != (b.kafkaBootstrap == null)) {
            throw new InputException(b.kafkaTopics.isEmpty()
                    ? "--kafka-bootstrap: give the --kafka-topic to read; " + USAGE
                    : "--kafka-topic: give the broker as --kafka-bootstrap HOST:PORT; " + USAGE);
        }
        if (b.kafkaFormat != null && b.kafkaTopics.isEmpty()) {
            throw new InputException("--kafka-format: applies to --kafka-topic, and none is given; " + USAGE);
        }
        if ((b.kafkaPropertiesFile != null || !b.kafkaProperty.isEmpty()) && b.kafkaTopics.isEmpty()) {
            throw new InputException((b.kafkaPropertiesFile != null ? "--kafka-properties" : "--kafka-property")
                    + ": applies to --kafka-topic, and none is given; " + USAGE);
        }
        if (b.out == null) {
            throw new InputException("--out: give the file the report is written to; " + USAGE);
        }
        return new JobOptions(List.copyOf(b.inputs), b.out, List.copyOf(b.geoDb), List.copyOf(b.asnDb), b.torExits,
                b.home, List.copyOf(b.detectors), List.copyOf(b.detect), b.format, b.year, b.zone, b.kafkaBootstrap,
                b.kafkaTopics.stream().distinct().toList(), b.kafkaFormat, kafkaProperties(b));
    }

    /** The file's settings, then each --kafka-property over them; the job's own settings refused by name. */
    private static Map<String, String> kafkaProperties(Builder b) {
        Map<String, String> all = new TreeMap<>();
        if (b.kafkaPropertiesFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(b.kafkaPropertiesFile, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException("--kafka-properties " + b.kafkaPropertiesFile + ": cannot be read (" + e.getMessage() + ")");
            }
            p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
        }
        for (String kv : b.kafkaProperty) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--kafka-property " + kv + ": give KEY=VALUE, e.g. --kafka-property security.protocol=SASL_SSL");
            }
            all.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
        }
        for (String key : all.keySet()) {
            if (OWN_KAFKA_SETTINGS.contains(key)) {
                throw new InputException("Kafka setting " + key + ": the job sets it itself"
                        + (key.equals("bootstrap.servers") ? " (give the brokers as --kafka-bootstrap)" : "")
                        + "; leave it out of --kafka-property and --kafka-properties");
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** The format forced on Kafka records: {@code --kafka-format}, else {@code --format}, else null (detected). */
    String kafkaRecordFormat() {
        return kafkaFormat != null ? kafkaFormat : format;
    }

    private static int year(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InputException("--year " + v + ": not a year");
        }
    }

    private static final class Builder {
        final List<String> inputs = new ArrayList<>();
        Path out;
        final List<Path> geoDb = new ArrayList<>();
        final List<Path> asnDb = new ArrayList<>();
        Path torExits;
        Path home;
        final List<String> detectors = new ArrayList<>();
        final List<String> detect = new ArrayList<>();
        String format;
        int year;
        String zone = "UTC";
        String kafkaBootstrap;
        final List<String> kafkaTopics = new ArrayList<>();
        String kafkaFormat;
        Path kafkaPropertiesFile;
        final List<String> kafkaProperty = new ArrayList<>();
    }
}
