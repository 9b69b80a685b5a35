package org.hotline.flink.records;

/** One subtask's tally counts that belong to no source: see {@code SourceTally#addCounts}. */
public record TallyCounts(long eventsWithoutSource, long eventsWithBytes) {}
