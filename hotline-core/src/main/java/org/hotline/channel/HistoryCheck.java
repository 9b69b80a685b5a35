package org.hotline.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a whole concern history as a sceptical counterpart would: every message signed by its
 * author's key, each linked to the one before, the first a filing, and every step one the lifecycle
 * allows. Used by {@code hotline concern verify} and by the two-node tests.
 */
public final class HistoryCheck {
    private HistoryCheck() {}

    /**
     * @param keys base64 Ed25519 public key per party id
     * @return the problems found, in history order; empty if the history is whole
     */
    public static List<String> problems(List<Message> history, Map<String, String> keys) {
        List<String> problems = new ArrayList<>();
        if (history.isEmpty() || !(history.get(0).body() instanceof MessageBody.Filing)) {
            problems.add("the history does not start with a filing");
            return problems;
        }
        String previous = null;
        for (int i = 0; i < history.size(); i++) {
            Message m = history.get(i);
            String where = "message " + (i + 1) + " (" + m.kind().id() + ", " + m.id() + ")";
            String key = keys.get(m.author());
            if (key == null) {
                problems.add(where + ": author " + m.author() + " is unknown");
            } else if (!Seal.verify(m, key)) {
                problems.add(where + ": signature does not verify with " + m.author() + "'s key");
            }
            if (!Objects.equals(previous, m.previousHash())) {
                problems.add(where + ": previous hash " + m.previousHash() + " does not match " + previous);
            }
            previous = m.isSealed() ? Seal.hash(m) : null;
        }
        if (problems.isEmpty()) {
            try {
                Concern.of(history, true, ChannelTerms.defaults());
            } catch (ChannelException e) {
                problems.add("lifecycle: " + e.getMessage());
            }
        }
        return problems;
    }
}
