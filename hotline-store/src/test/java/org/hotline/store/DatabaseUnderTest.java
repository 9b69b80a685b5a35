package org.hotline.store;

import java.time.Clock;

/**
 * The database a contract runs against: {@link SqliteStoreIT} and {@link PostgresStoreIT} supply
 * one, so every contract's tests run unchanged on both.
 */
interface DatabaseUnderTest {

    /** A JDBC URL of a new, empty database (nothing created yet: opening it migrates it). */
    String freshUrl();

    default NodeDatabase open(Clock clock) {
        return NodeDatabase.open(freshUrl(), clock);
    }

    default NodeDatabase open() {
        return open(Clock.systemUTC());
    }
}
