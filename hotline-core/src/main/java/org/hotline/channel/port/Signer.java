package org.hotline.channel.port;

/**
 * Signs on behalf of this node's party. The key may live in a file, a keystore or an HSM; the
 * channel only needs signatures and the public half.
 */
public interface Signer {

    /** The party's Ed25519 public key, base64 of the 32 raw bytes (RFC 8032). */
    String publicKey();

    /** An Ed25519 signature (64 bytes) over {@code data}. */
    byte[] sign(byte[] data);
}
