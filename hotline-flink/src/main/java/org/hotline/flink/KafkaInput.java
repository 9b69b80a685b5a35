package org.hotline.flink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.hotline.InputException;
import org.hotline.flink.functions.KafkaLines;
import org.hotline.flink.records.KafkaLine;

/**
 * The Kafka source of {@code --kafka-topic}: every partition of the topics, from its earliest offset
 * to the latest one when the job starts, so the read is bounded and the job runs in BATCH mode as
 * over files.
 */
final class KafkaInput {
    /** Names the job's reads in the brokers' logs and metrics; no offsets are committed under it. */
    static final String GROUP = "hotline-attribution";

    /** How long the client waits for the brokers before it gives up on submitting. */
    private static final int TIMEOUT_SECONDS = 15;

    private KafkaInput() {}

    /**
     * Refuses, before the job is submitted, a topic the brokers do not have, or brokers that do not
     * answer: the source would find no partition to read and the job would end with a report of
     * nothing, as if the topic were empty.
     */
    static void check(String bootstrap, List<String> topics, Map<String, String> properties) {
        int millis = TIMEOUT_SECONDS * 1000;
        Map<String, Object> config = new HashMap<>(properties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(config)) {
            for (String topic : topics) {
                try {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    Throwable why = e.getCause();
                    if (why instanceof AuthenticationException) {
                        throw new InputException("--kafka-bootstrap " + bootstrap + ": the brokers refused this client's credentials ("
                                + why.getMessage() + "); see --kafka-properties and --kafka-property");
                    }
                    if (why instanceof AuthorizationException) {
                        throw new InputException("--kafka-topic " + topic + ": this client may not describe it at " + bootstrap
                                + " (" + why.getMessage() + "); it needs DESCRIBE and READ on the topic");
                    }
                    throw new InputException(why instanceof UnknownTopicOrPartitionException
                            ? "--kafka-topic " + topic + ": no such topic at " + bootstrap
                            : "--kafka-topic " + topic + ": cannot be described by " + bootstrap + " (" + why + ")");
                }
            }
        } catch (TimeoutException e) {
            // A client speaking plaintext to a TLS or SASL listener (or the other way round) hears nothing either.
            throw new InputException("--kafka-bootstrap " + bootstrap + ": no answer in " + TIMEOUT_SECONDS + " s (is the broker up,"
                    + " and does security.protocol match its listener? now " + properties.getOrDefault("security.protocol", "PLAINTEXT") + ")");
        } catch (KafkaException e) {
            throw new InputException("--kafka-bootstrap " + bootstrap + ": the Kafka client cannot start with these settings ("
                    + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("--kafka-bootstrap " + bootstrap + ": interrupted while asking for the topics");
        }
    }

    static KafkaSource<KafkaLine> source(String bootstrap, List<String> topics, Map<String, String> properties) {
        Properties settings = new Properties();
        settings.putAll(properties);
        return KafkaSource.<KafkaLine>builder()
                .setProperties(settings)
                .setBootstrapServers(bootstrap)
                .setTopics(topics)
                .setGroupId(GROUP)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new KafkaLines())
                // A report reads what is there; it must not move where a consumer group of the user's stands.
                .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "false")
                .build();
    }
}
