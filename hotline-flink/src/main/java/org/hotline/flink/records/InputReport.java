package org.hotline.flink.records;

import org.hotline.pipeline.InputSummary;

/** What happened to the lines of one input, and the input's place in the order given. */
public record InputReport(int index, InputSummary summary) {}
