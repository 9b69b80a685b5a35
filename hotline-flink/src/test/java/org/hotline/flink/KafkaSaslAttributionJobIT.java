package org.hotline.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.JaasUtils;
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
 * A broker that only takes clients that log in (SASL PLAIN, as a production cluster takes them
 * with SASL over TLS): the job reads it with the client settings of {@code --kafka-properties},
 * and a wrong password is refused before the job is submitted, saying so.
 */
class KafkaSaslAttributionJobIT {
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path SSH = HOME.resolve("samples/logs/ssh/secure.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestJobs.cluster();

    private static KafkaClusterTestKit kafka;

    @TempDir
    Path temp;

    @BeforeAll
    static void broker() throws Exception {
        System.setProperty(DefaultDatabases.HOME_PROPERTY, HOME.toString());
        kafka = TestJobs.kafka(SecurityProtocol.SASL_PLAINTEXT);
        try (Admin admin = Admin.create(client(JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD))) {
            admin.createTopics(List.of(new NewTopic("auth", 1, (short) 1))).all().get();
        }
        Map<String, Object> p = client(JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String line : Files.readAllLines(SSH)) {
                producer.send(new ProducerRecord<>("auth", 0, "ssh/secure.log", line));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The settings a client of this broker needs, as a user would write them into a properties file. */
    private static Map<String, Object> client(String password) {
        Map<String, Object> p = new HashMap<>(login(password));
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private static Map<String, String> login(String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + password + "\";");
    }

    private Path propertiesFile(String password) throws Exception {
        Properties p = new Properties();
        p.putAll(login(password));
        Path f = temp.resolve("client-" + password + ".properties");
        try (var out = Files.newBufferedWriter(f)) {
            p.store(out, "a Kafka client's settings");
        }
        return f;
    }

    private String runJob(String... kafkaArguments) throws Exception {
        List<String> args = new ArrayList<>(List.of("--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-topic", "auth"));
        args.addAll(List.of(kafkaArguments));
        args.addAll(List.of("--out", temp.resolve("report.json").toString()));
        return TestJobs.run(args);
    }

    @Test
    void aBrokerThatWantsALoginIsReadWithTheClientSettingsGiven() throws Exception {
        JsonNode expected = JSON.readTree(SingleMachine.analyzeJson(List.of(SSH.toString())));
        // The file, with one setting of it given again on the command line (the later one wins).
        JsonNode actual = JSON.readTree(runJob("--kafka-properties", propertiesFile(JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD).toString(),
                "--kafka-property", "sasl.mechanism=PLAIN"));

        assertThat(expected.at("/attacks/total/attacks").asLong()).isPositive();
        assertThat(actual.at("/attacks/byType")).isEqualTo(expected.at("/attacks/byType"));
        assertThat(actual.at("/attacks/byCountry")).isEqualTo(expected.at("/attacks/byCountry"));
        assertThat(actual.at("/input/0/file").asString()).isEqualTo("kafka:auth/0");
        assertThat(actual.at("/input/0/parsed")).isEqualTo(expected.at("/input/0/parsed"));
        // The password is the client's, not the report's.
        assertThat(actual.toString()).doesNotContain(JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD).doesNotContain("sasl");
    }

    @Test
    void aWrongPasswordIsRefusedBeforeSubmissionSayingSo() throws Exception {
        Path wrong = propertiesFile("not-the-password");
        assertThatThrownBy(() -> runJob("--kafka-properties", wrong.toString())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--kafka-bootstrap " + kafka.bootstrapServers() + ": the brokers refused this client's credentials")
                .hasMessageNotContaining("not-the-password");
    }
}
