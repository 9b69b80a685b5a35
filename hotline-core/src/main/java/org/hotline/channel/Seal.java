package org.hotline.channel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hotline.channel.port.Signer;

/**
 * Signing and chaining of messages. A message is signed over the canonical JSON (RFC 8785) of its
 * unsigned form; its hash is the SHA-256 of the canonical JSON of its signed form; the next message
 * of the concern carries that hash. Changing, dropping, reordering or inserting a message therefore
 * breaks either a signature or a link, on either node.
 */
public final class Seal {
    private Seal() {}

    public static Message sign(Message unsigned, Signer signer) {
        byte[] signature = signer.sign(CanonicalJson.bytes(CanonicalForm.unsigned(unsigned)));
        return unsigned.withSignature(Base64.getEncoder().encodeToString(signature));
    }

    public static boolean verify(Message message, String authorPublicKey) {
        if (message.signature() == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Ed25519.verify(authorPublicKey, CanonicalJson.bytes(CanonicalForm.unsigned(message)), signature);
    }

    /** Hex SHA-256 of the sealed message: what the next message's {@code previousHash} must be. */
    public static String hash(Message sealed) {
        if (!sealed.isSealed()) {
            throw new IllegalArgumentException("only a sealed message has a hash: " + sealed.id());
        }
        return sha256(CanonicalJson.bytes(CanonicalForm.tree(sealed)));
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }

    /** Hash of the last message, the link a new message must carry; null for an empty history. */
    public static String head(List<Message> history) {
        return history.isEmpty() ? null : hash(history.get(history.size() - 1));
    }
}
