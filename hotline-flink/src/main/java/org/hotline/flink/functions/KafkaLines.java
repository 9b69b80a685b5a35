package org.hotline.flink.functions;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.flink.records.KafkaLine;

/**
 * Turns each Kafka record into a {@link KafkaLine}: the value as the producer wrote it, decoded as
 * UTF-8 (invalid bytes become U+FFFD, as in a file), the key ignored. Never fails on a record: what
 * the value holds is for the parser to judge, so a malformed one is counted and skipped there.
 */
public final class KafkaLines implements KafkaRecordDeserializationSchema<KafkaLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaLine> out) {
        byte[] value = record.value();
        out.collect(new KafkaLine(record.topic(), record.partition(), record.offset(), record.timestamp(),
                value == null ? "" : new String(value, StandardCharsets.UTF_8)));
    }

    @Override
    public TypeInformation<KafkaLine> getProducedType() {
        return TypeInformation.of(KafkaLine.class);
    }
}
