package org.hotline.flink.records;

import org.hotline.pipeline.InputSummary;

/**
 * What happened to the lines of one input, and the input's place in the report's order: files in
 * the order given, then Kafka topics in the order given, each topic's partitions by number.
 *
 * @param index the file's place, or for a Kafka partition the number of files plus its topic's place
 * @param part  the partition of a Kafka topic, 0 for a file
 */
public record InputReport(int index, int part, InputSummary summary) {}
