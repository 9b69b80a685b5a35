package org.hotline.aggregate;

import org.hotline.event.Event;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;

/**
 * All parsed events of one source address, as {@link SourceTally} counted them.
 *
 * @param source       the address
 * @param events       events with this source (at least 1)
 * @param bytes        sum of the bytes of those events that had a known size, -1 if none had
 * @param firstSeen    epoch millis of the earliest event, {@link Event#NO_TIME} if none had a time
 * @param lastSeen     epoch millis of the latest event, {@link Event#NO_TIME} if none had a time
 * @param verification the strongest verification of any of its events
 */
public record SourceTotals(IpAddress source, long events, long bytes, long firstSeen, long lastSeen,
                           Verification verification) {}
