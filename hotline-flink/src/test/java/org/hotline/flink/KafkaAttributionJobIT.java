package org.hotline.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.hotline.InputException;
import org.hotline.geo.DefaultDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs {@link AttributionJob} over Kafka: an in-process broker (one combined KRaft node, shared by
 * the class), the bundled web access log and sshd log produced into one partition each of a
 * two-partition topic, read on the MiniCluster at parallelism 2 and compared with the
 * single-machine report of the same files ({@link SingleMachine}).
 */
class KafkaAttributionJobIT {
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path WEB = HOME.resolve("samples/logs/web/access.log.gz");
    private static final Path SSH = HOME.resolve("samples/logs/ssh/secure.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestJobs.cluster();

    private static KafkaClusterTestKit kafka;
    private static Admin admin;

    @TempDir
    Path temp;

    @BeforeAll
    static void broker() throws Exception {
        System.setProperty(DefaultDatabases.HOME_PROPERTY, HOME.toString());
        kafka = TestJobs.kafka(SecurityProtocol.PLAINTEXT);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void samplesInTwoPartitionsAreReportedAsTheFilesOnOneMachine() throws Exception {
        List<String> web = lines(WEB);
        List<String> ssh = lines(SSH);
        topic("telemetry", 2);
        // Each file's lines in order into one partition, keyed by the file (the partition named too,
        // since two keys may hash to one partition).
        produce("telemetry", 0, "web/access.log", web);
        produce("telemetry", 1, "ssh/secure.log", ssh);

        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(List.of(WEB.toString(), SSH.toString())));
        JsonNode actual = JSON.readTree(runJob("--kafka-topic", "telemetry"));

        // Not vacuous: both logs found attacks, of more than one kind, from several countries.
        assertThat(expected.at("/attacks/byType")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(expected.at("/attacks/byCountry")).hasSizeGreaterThan(3);
        assertThat(actual.at("/attacks/byType")).isEqualTo(expected.at("/attacks/byType"));
        assertThat(actual.at("/attacks/byCountry")).isEqualTo(expected.at("/attacks/byCountry"));
        assertThat(actual.at("/attacks/byAsn")).isEqualTo(expected.at("/attacks/byAsn"));
        assertThat(actual.at("/events")).isEqualTo(expected.at("/events"));

        // Each topic-partition is an input, accounted for as its file is.
        JsonNode inputs = actual.get("input");
        assertThat(inputs).hasSize(2);
        assertAccountedAs(inputs.get(0), "kafka:telemetry/0", web.size(), expected.get("input").get(0));
        assertAccountedAs(inputs.get(1), "kafka:telemetry/1", ssh.size(), expected.get("input").get(1));

        // Evidence points at the records: a partition written from offset 0 holds line n at offset n - 1,
        // so its positions are the file's with the partition's name.
        String evidence = expected.at("/attacks/topSources").toString()
                .replace(WEB + ":", "kafka:telemetry/0:").replace(SSH + ":", "kafka:telemetry/1:");
        assertThat(evidence).contains("kafka:telemetry/0:").contains("kafka:telemetry/1:");
        assertThat(actual.at("/attacks/topSources").toString()).isEqualTo(evidence);
    }

    @Test
    void filesAndTopicsTogetherAreOneReportFilesFirst() throws Exception {
        List<String> ssh = lines(SSH);
        topic("beside", 1);
        produce("beside", 0, "ssh/secure.log", ssh);

        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(List.of(WEB.toString(), SSH.toString())));
        JsonNode actual = JSON.readTree(runJob("--kafka-topic", "beside", "--input", WEB.toString()));

        assertThat(actual.at("/attacks/byType")).isEqualTo(expected.at("/attacks/byType"));
        assertThat(actual.at("/attacks/byCountry")).isEqualTo(expected.at("/attacks/byCountry"));
        assertThat(actual.at("/attacks/byAsn")).isEqualTo(expected.at("/attacks/byAsn"));
        assertThat(actual.get("input")).hasSize(2);
        assertThat(actual.get("input").get(0)).isEqualTo(expected.get("input").get(0));
        assertAccountedAs(actual.get("input").get(1), "kafka:beside/0", ssh.size(), expected.get("input").get(1));
    }

    @Test
    void malformedRecordIsCountedAndSkippedAtItsOffset() throws Exception {
        String good = "203.0.113.7 - - [17/May/2015:10:05:0%d +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"";
        topic("probes", 1);
        produce("probes", 0, "web", List.of("gone", "gone too", good.formatted(1), good.formatted(2),
                "this record is no access-log line at all", good.formatted(3)));
        // The partition now starts at offset 2: a record's position is its offset, not its place in the read.
        admin.deleteRecords(Map.of(new TopicPartition("probes", 0), RecordsToDelete.beforeOffset(2))).all().get();

        JsonNode input = JSON.readTree(runJob("--kafka-topic", "probes")).get("input").get(0);

        assertThat(input.get("file").asString()).isEqualTo("kafka:probes/0");
        assertThat(input.get("lines").asLong()).isEqualTo(4);
        assertThat(input.get("parsed").asLong()).isEqualTo(3);
        assertThat(input.get("skipped").asLong()).isEqualTo(1);
        assertThat(input.at("/firstSkipped/0/line").asLong()).as("offset 4, + 1").isEqualTo(5);
        assertThat(input.at("/firstSkipped/0/reason").asString()).isNotBlank();
        assertThat(input.get("error").isNull()).isTrue();
    }

    @Test
    void aTopicTheBrokerDoesNotHaveIsRefusedBeforeSubmission() {
        assertThatThrownBy(() -> runJob("--kafka-topic", "no-such-topic")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--kafka-topic no-such-topic: no such topic at " + kafka.bootstrapServers());
    }

    private static void assertAccountedAs(JsonNode input, String name, long lines, JsonNode file) {
        assertThat(input.get("file").asString()).isEqualTo(name);
        assertThat(input.get("lines").asLong()).isEqualTo(lines);
        for (String field : List.of("format", "lines", "parsed", "ignored", "skipped", "firstSkipped", "timeRule", "error")) {
            assertThat(input.get(field)).as(name + " " + field).isEqualTo(file.get(field));
        }
    }

    private String runJob(String... kafkaArguments) throws Exception {
        List<String> args = new ArrayList<>(List.of("--kafka-bootstrap", kafka.bootstrapServers()));
        args.addAll(List.of(kafkaArguments));
        args.addAll(List.of("--out", temp.resolve("report.json").toString()));
        return TestJobs.run(args);
    }

    private static void topic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }

    private static void produce(String topic, int partition, String key, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, key, value));
            }
            producer.flush();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }
}
