package org.hotline.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.hotline.InputException;
import org.hotline.event.Event;
import org.hotline.flink.functions.BySource;
import org.hotline.flink.functions.DetectFunction;
import org.hotline.flink.functions.KafkaParseOperator;
import org.hotline.flink.functions.ParseFunction;
import org.hotline.flink.functions.ReportFunction;
import org.hotline.flink.records.EventTypeInfo;
import org.hotline.flink.records.InputFile;
import org.hotline.flink.records.ReportPart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The attribution pipeline of {@code hotline analyze} as a Flink job, for inputs larger than one
 * machine reads in good time. Wiring only: each stage is a function that calls core's code.
 *
 * <pre>
 * flink run hotline-flink.jar --input /logs/web /logs/ssh/secure.log.gz --out report.json
 *     [--kafka-bootstrap HOST:PORT --kafka-topic NAME [--kafka-topic NAME]... [--kafka-format NAME]
 *      [--kafka-properties FILE] [--kafka-property KEY=VALUE]...]
 *     [--geo-db FILE]... [--asn-db FILE]... [--tor-exits FILE] [--home DIR]
 *     [--detectors a,b] [--detect brute-force.failures=10]... [--format NAME] [--year YYYY] [--timezone ZONE]
 * </pre>
 *
 * Inputs are files, directories or quoted globs, plain or gzip, expanded as {@code hotline analyze}
 * expands them; the report is the JSON document of {@code hotline analyze --json}, written on the
 * machine that runs {@code flink run}. The databases are the user's, else the ones {@code hotline
 * analyze} uses by default ({@code hotline geo update}'s, else the bundled ones under {@code --home}
 * or the system property {@code hotline.home}). The job runs in BATCH mode.
 *
 * <p>Kafka, beside the files or instead of them ({@code --input} is then left out):
 * <ul>
 *   <li>{@code --kafka-bootstrap HOST:PORT[,HOST:PORT]}: the brokers to ask first;</li>
 *   <li>{@code --kafka-topic NAME}, repeatable: a topic to read, every partition from its earliest
 *       offset to the latest offset when the job starts (a bounded read: records produced later are
 *       for the next run);</li>
 *   <li>{@code --kafka-format NAME}: the format of every record, when it cannot be told from a
 *       partition's first records; default {@code --format}, else detected per topic-partition;</li>
 *   <li>{@code --kafka-properties FILE} and {@code --kafka-property KEY=VALUE} (repeatable, over the
 *       file's): Kafka client settings for TLS and SASL ({@code security.protocol},
 *       {@code sasl.jaas.config}, {@code ssl.truststore.location}, ...), for the topic check and the
 *       source alike; a file keeps passwords off the command line. The job's own settings (brokers,
 *       group, deserializers, offset commits) are refused by name.</li>
 * </ul>
 * A record is one line of telemetry, JSON or text, as its producer wrote it: its value as UTF-8, its
 * key ignored. Each topic-partition is one input of the report, listed after the files as
 * {@code kafka:TOPIC/PARTITION} with its lines read, parsed, ignored and skipped; a record's position
 * (its evidence, and a skipped record's place in {@code firstSkipped}) is that name and, as its
 * line, its offset + 1 (core numbers lines from 1; see {@code PartitionSpill}). A malformed record is
 * counted and skipped there, never fatal. No offsets are committed: the read moves no consumer group.
 *
 * <p>Stages and operators:
 * <ol>
 *   <li>the client expands the inputs ({@link JobPlan}); one element per input file; Kafka's source
 *       ({@link KafkaInput}) reads the topics' partitions, spread over its subtasks;</li>
 *   <li>{@link ParseFunction} (parallel, inputs spread round-robin): core's source and parsers read
 *       each input whole, emitting its events and, on a side output, its line accounting;</li>
 *   <li>{@link DetectFunction} (parallel, events partitioned by source address, {@link BySource}):
 *       one set of core detectors and a source tally per subtask, judged at the end of input;</li>
 *   <li>{@link ReportFunction} (parallelism 1): enriches every source, builds core's origin report
 *       and writes it as JSON, which the client collects into {@code --out}.</li>
 * </ol>
 *
 * <p>Differences from {@code hotline analyze}: every detector window stays open to the end of the
 * input (its {@code --lateness unlimited}), so no line is late; standard input cannot be read; and
 * inputs and databases are read at the paths the client found them, so on a cluster they must be
 * on storage mounted alike on every machine.
 */
public final class AttributionJob {
    private AttributionJob() {}

    /**
     * Exits with 2 on a usage error (named, without a stack trace) and with 1 when an input could not
     * be read (the report says why), as {@code hotline analyze} does.
     */
    public static void main(String[] args) throws Exception {
        JobPlan plan;
        try {
            plan = JobPlan.of(JobOptions.parse(args));
        } catch (InputException e) {
            System.err.println("hotline-flink: " + e.getMessage());
            System.exit(2);
            return;
        }
        String report = run(environment(), plan);
        Path out = plan.options().out();
        write(out, report);
        System.err.println("hotline-flink: report of " + plan.inputs().size() + " files and " + plan.options().kafkaTopics().size()
                + " Kafka topics written to " + out.toAbsolutePath());
        List<String> failed = failedInputs(report);
        failed.forEach(problem -> System.err.println("hotline-flink: " + problem));
        if (!failed.isEmpty()) {
            System.exit(1);
        }
    }

    /** The report's inputs that could not be read, with why. */
    static List<String> failedInputs(String report) {
        List<String> failed = new ArrayList<>();
        for (JsonNode input : new ObjectMapper().readTree(report).path("input")) {
            if (!input.path("error").isNull()) {
                failed.add(input.path("error").asString());
            }
        }
        return failed;
    }

    /** BATCH over bounded input, and no Kryo: a type Flink cannot analyse fails the build of the job graph. */
    static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** Runs the job and returns the report's JSON, joined from the pieces {@link ReportFunction} emits. */
    static String run(StreamExecutionEnvironment env, JobPlan plan) throws Exception {
        StringBuilder report = new StringBuilder();
        try (CloseableIterator<String> pieces = wire(env, plan).executeAndCollect("hotline attribution")) {
            pieces.forEachRemaining(report::append);
        }
        return report.toString();
    }

    static DataStream<String> wire(StreamExecutionEnvironment env, JobPlan plan) {
        JobOptions o = plan.options();
        List<SingleOutputStreamOperator<Event>> parsed = new ArrayList<>();
        if (!plan.inputs().isEmpty()) {
            DataStream<InputFile> inputs = env.fromData(plan.inputs(), TypeInformation.of(InputFile.class)).name("inputs");
            parsed.add(inputs.rebalance()
                    .process(new ParseFunction(o.format(), o.year(), o.zone()), EventTypeInfo.INSTANCE).name("parse"));
        }
        if (!o.kafkaTopics().isEmpty()) {
            // Chained to the source (no shuffle between): the operator sees each partition in offset order.
            parsed.add(env.fromSource(KafkaInput.source(o.kafkaBootstrap(), o.kafkaTopics(), o.kafkaProperties()),
                            WatermarkStrategy.noWatermarks(), "kafka")
                    .transform("parse kafka", EventTypeInfo.INSTANCE, new KafkaParseOperator(o.kafkaTopics(),
                            plan.inputs().size(), o.kafkaRecordFormat(), o.year(), o.zone())));
        }
        DataStream<Event> events = parsed.get(0);
        DataStream<ReportPart> accounting = parsed.get(0).getSideOutput(ParseFunction.INPUTS);
        for (SingleOutputStreamOperator<Event> more : parsed.subList(1, parsed.size())) {
            events = events.union(more);
            accounting = accounting.union(more.getSideOutput(ParseFunction.INPUTS));
        }
        DataStream<ReportPart> detected = events.partitionCustom(new BySource.Partition(), new BySource.Key())
                .fullWindowPartition()
                .mapPartition(new DetectFunction(o.detectors(), o.detect())).name("detect");
        return detected.union(accounting)
                .fullWindowPartition()
                .mapPartition(new ReportFunction(plan.geo(), JobPlan.version(), o.zone(), plan.settings(), plan.warnings()))
                .name("report").setParallelism(1);
    }

    /** Whole or not at all: written beside, then moved into place. */
    private static void write(Path out, String report) throws IOException {
        Path absolute = out.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, report, StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
