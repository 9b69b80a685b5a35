package org.hotline.channel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One step in a concern's history, sealed by its author.
 *
 * <p>A sealed message is signed by its author's Ed25519 key over its canonical form (everything but
 * the signature, see {@link CanonicalForm}) and carries the hash of the previous message of the same
 * concern, so the whole history is a chain both nodes can verify (see {@link Seal}).
 *
 * @param id           the STIX id of the object that carries it: the concern's {@code incident--} id
 *                     for the filing, a {@code note--} id for every later message
 * @param concernId    {@code incident--<uuid>}
 * @param author       party id of the author
 * @param created      when it was written; kept to the millisecond (STIX timestamps carry milliseconds)
 * @param body         what it says
 * @param previousHash hex SHA-256 of the previous message's sealed form; null for the filing
 * @param signature    base64 Ed25519 signature; null only for a draft filing that was never sent
 */
public record Message(String id, String concernId, String author, Instant created, MessageBody body,
                      String previousHash, String signature) {

    public Message {
        Ids.require(concernId, "incident");
        Ids.require(author, "identity");
        if (body == null || created == null) {
            throw new IllegalArgumentException("a message needs a body and a creation time");
        }
        created = created.truncatedTo(ChronoUnit.MILLIS);
        if (body instanceof MessageBody.Filing) {
            if (!id.equals(concernId)) {
                throw new IllegalArgumentException("a filing carries the concern's own id");
            }
            if (previousHash != null) {
                throw new IllegalArgumentException("a filing starts the chain: no previous hash");
            }
        } else {
            Ids.require(id, "note");
            if (previousHash == null || !previousHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("message " + id + " needs the previous message's SHA-256");
            }
        }
    }

    public MessageKind kind() {
        return MessageKind.of(body);
    }

    public boolean isSealed() {
        return signature != null;
    }

    public Message withSignature(String sig) {
        return new Message(id, concernId, author, created, body, previousHash, sig);
    }
}
