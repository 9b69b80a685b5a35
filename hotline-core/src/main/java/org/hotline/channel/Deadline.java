package org.hotline.channel;

import java.time.Instant;

/**
 * What is owed next on a concern, by whom and by when.
 *
 * @param obligation "acknowledge", "respond" or "provide materials"
 * @param party      id of the party that owes it
 * @param due        when it is due
 */
public record Deadline(String obligation, String party, Instant due) {
    public boolean isOverdue(Instant now) {
        return now.isAfter(due);
    }
}
