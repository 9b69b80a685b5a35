package org.hotline.detect;

/** Receives the attacks a detector found. */
@FunctionalInterface
public interface AttackSink {
    void attack(Attack attack);
}
