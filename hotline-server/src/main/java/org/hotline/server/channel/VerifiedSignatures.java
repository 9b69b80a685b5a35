package org.hotline.server.channel;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.hotline.channel.Message;
import org.hotline.channel.Seal;

/**
 * {@link Seal#verify} for the messages of one envelope, each message (this very object) checked
 * against a given key once: the intake checks them before it takes its lock, and the trial and the
 * real receive that follow under the lock get the same answer without another Ed25519 verification
 * (about half a millisecond each on the ingest bench). Only a message that verified is remembered,
 * together with the key it verified with; anything else is checked again. Not thread-safe: one per
 * request.
 */
final class VerifiedSignatures implements BiPredicate<Message, String> {
    private final Map<Message, String> verifiedWith = new IdentityHashMap<>();

    @Override
    public boolean test(Message message, String publicKey) {
        if (publicKey.equals(verifiedWith.get(message))) {
            return true;
        }
        boolean verifies = Seal.verify(message, publicKey);
        if (verifies) {
            verifiedWith.put(message, publicKey);
        }
        return verifies;
    }
}
