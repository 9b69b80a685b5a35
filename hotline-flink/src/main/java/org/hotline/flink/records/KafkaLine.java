package org.hotline.flink.records;

/**
 * One Kafka record as a line of telemetry, with where it was read: its topic, partition and
 * offset, which become its evidence position. A plain record of Flink-analysable fields, so it
 * needs no serializer of its own and no Kryo.
 *
 * @param timestamp the record's timestamp (epoch millis, as the producer or broker stamped it), -1 if none
 * @param value     the record's value decoded as UTF-8 ("" for a record without one); its key is ignored
 */
public record KafkaLine(String topic, int partition, long offset, long timestamp, String value) {}
