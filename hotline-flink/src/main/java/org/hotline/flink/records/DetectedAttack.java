package org.hotline.flink.records;

import org.hotline.detect.Attack;

/**
 * An attack as one subtask's detector emitted it, with what puts it back in the order
 * {@code hotline analyze} lists attacks in: the detector's place in the registry, then, since every
 * attack of one source comes from the one subtask its events were sent to, the source and the
 * place in that subtask's output (see {@code ReportParts#attacks}).
 */
public record DetectedAttack(int detector, long sequence, Attack attack) {}
