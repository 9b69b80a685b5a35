package org.hotline.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's command line, and the refusals a user sees before anything is submitted. */
class JobOptionsTest {

    @Test
    void inputsRunToTheNextOptionAndTheRestTakeOneValueEach() {
        JobOptions o = JobOptions.parse("--input", "a.log", "logs/", "--out", "r.json", "--detectors", "ids,honeypot",
                "--detect", "ids.alerts=2", "--geo-db", "c.mmdb", "--geo-db", "c6.csv", "--year", "2024");

        assertThat(o.inputs()).containsExactly("a.log", "logs/");
        assertThat(o.out()).isEqualTo(Path.of("r.json"));
        assertThat(o.detectors()).containsExactly("ids", "honeypot");
        assertThat(o.detect()).containsExactly("ids.alerts=2");
        assertThat(o.geoDb()).containsExactly(Path.of("c.mmdb"), Path.of("c6.csv"));
        assertThat(o.year()).isEqualTo(2024);
        assertThat(o.zone()).isEqualTo("UTC");
    }

    @Test
    void aMissingOrUnknownArgumentIsNamedWithTheUsage() {
        assertThatThrownBy(() -> JobOptions.parse("--out", "r.json")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--input: give at least one").hasMessageContaining("usage: flink run");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log")).hasMessageStartingWith("--out:");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log", "--out", "r.json", "--threads", "4"))
                .hasMessageStartingWith("unknown argument '--threads'");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log", "--out")).hasMessageStartingWith("--out: needs a value");
    }

    @Test
    void whatTheClusterCouldOnlyFailOnIsRefusedBeforeSubmission() {
        assertThatThrownBy(() -> plan("--input", "-", "--out", "r.json"))
                .hasMessageContaining("standard input cannot be read by a Flink job");
        assertThatThrownBy(() -> plan("--input", "a.log", "--out", "r.json", "--timezone", "Mars/Olympus"))
                .hasMessageStartingWith("--timezone Mars/Olympus");
        assertThatThrownBy(() -> plan("--input", "a.log", "--out", "r.json", "--detect", "ids.alerts=0"))
                .isInstanceOf(InputException.class).hasMessageContaining("ids.alerts");
        assertThatThrownBy(() -> plan("--input", "a.log", "--out", "r.json", "--format", "nginx-json"))
                .hasMessageContaining("unknown format 'nginx-json'");
    }

    @Test
    void kafkaTopicsStandForInputsAndNeedTheirBroker() {
        JobOptions o = JobOptions.parse("--kafka-bootstrap", "k1:9092,k2:9092", "--kafka-topic", "web", "--kafka-topic", "ssh",
                "--kafka-topic", "web", "--format", "sshd", "--out", "r.json");
        assertThat(o.inputs()).isEmpty();
        assertThat(o.kafkaBootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(o.kafkaTopics()).containsExactly("web", "ssh");
        assertThat(o.kafkaRecordFormat()).as("--format, when --kafka-format is not given").isEqualTo("sshd");
        assertThat(JobOptions.parse("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-format", "combined",
                "--format", "sshd", "--input", "a.log", "--out", "r.json").kafkaRecordFormat()).isEqualTo("combined");

        assertThatThrownBy(() -> JobOptions.parse("--kafka-topic", "web", "--out", "r.json"))
                .hasMessageStartingWith("--kafka-topic: give the broker as --kafka-bootstrap");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log", "--kafka-bootstrap", "k:9092", "--out", "r.json"))
                .hasMessageStartingWith("--kafka-bootstrap: give the --kafka-topic");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log", "--kafka-format", "combined", "--out", "r.json"))
                .hasMessageStartingWith("--kafka-format: applies to --kafka-topic");
        assertThatThrownBy(() -> plan("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-format", "nginx-json",
                "--out", "r.json")).hasMessageStartingWith("--kafka-format: unknown format 'nginx-json'");
    }

    @Test
    void kafkaClientSettingsComeFromAFileThenTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "# TLS to the brokers\nsecurity.protocol=SSL\n"
                + "ssl.truststore.location=/etc/kafka/truststore.jks\nrequest.timeout.ms=5000\n");
        JobOptions o = JobOptions.parse("--kafka-bootstrap", "k:9093", "--kafka-topic", "web", "--kafka-properties", file.toString(),
                "--kafka-property", "request.timeout.ms=9000", "--kafka-property", "client.id=hotline", "--out", "r.json");
        assertThat(o.kafkaProperties()).containsExactly(Map.entry("client.id", "hotline"), Map.entry("request.timeout.ms", "9000"),
                Map.entry("security.protocol", "SSL"), Map.entry("ssl.truststore.location", "/etc/kafka/truststore.jks"));
        assertThat(JobOptions.parse("--input", "a.log", "--out", "r.json").kafkaProperties()).isEmpty();

        assertThatThrownBy(() -> JobOptions.parse("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-property", "security.protocol",
                "--out", "r.json")).hasMessageStartingWith("--kafka-property security.protocol: give KEY=VALUE");
        assertThatThrownBy(() -> JobOptions.parse("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-property",
                "group.id=mine", "--out", "r.json")).hasMessageStartingWith("Kafka setting group.id: the job sets it itself");
        assertThatThrownBy(() -> JobOptions.parse("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-property",
                "bootstrap.servers=other:9092", "--out", "r.json")).hasMessageContaining("give the brokers as --kafka-bootstrap");
        assertThatThrownBy(() -> JobOptions.parse("--input", "a.log", "--kafka-property", "client.id=x", "--out", "r.json"))
                .hasMessageStartingWith("--kafka-property: applies to --kafka-topic");
        assertThatThrownBy(() -> JobOptions.parse("--kafka-bootstrap", "k:9092", "--kafka-topic", "web", "--kafka-properties",
                dir.resolve("missing.properties").toString(), "--out", "r.json"))
                .hasMessageStartingWith("--kafka-properties " + dir.resolve("missing.properties") + ": cannot be read");
    }

    @Test
    void aFailedInputIsFoundInTheReport() {
        String report = "{\"input\":[{\"file\":\"a.log\",\"error\":null},{\"file\":\"b.log\",\"error\":\"b.log: no such file\"}]}";
        assertThat(AttributionJob.failedInputs(report)).isEqualTo(List.of("b.log: no such file"));
    }

    private static JobPlan plan(String... args) {
        return JobPlan.of(JobOptions.parse(args));
    }
}
