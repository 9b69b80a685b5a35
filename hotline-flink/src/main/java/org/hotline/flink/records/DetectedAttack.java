package org.hotline.flink.records;

import org.hotline.detect.Attack;

/**
 * An attack as one subtask's detector emitted it, with what gives the attacks of all subtasks one
 * order: the detector's place in the registry and the attack's place in that subtask's output
 * (every attack of one source comes from the one subtask its events were sent to).
 */
public record DetectedAttack(int detector, long sequence, Attack attack) {}
