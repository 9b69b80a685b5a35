package org.hotline.channel;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.hotline.HotlineException;
import org.hotline.channel.port.Signer;

/**
 * Ed25519 (RFC 8032) with nothing but the JDK (SunEC, Java 15+). Public keys travel as base64 of the
 * 32 raw bytes, the form every Ed25519 implementation exchanges; private keys are stored PKCS#8.
 */
public final class Ed25519 implements Signer {
    private final PrivateKey privateKey;
    private final String publicKey;

    private Ed25519(PrivateKey privateKey, String publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static Ed25519 generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Ed25519(pair.getPrivate(), encode(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new HotlineException("generating an Ed25519 key pair", e);
        }
    }

    /** Restores a key pair from its PKCS#8 private key and base64 raw public key. */
    public static Ed25519 of(byte[] pkcs8, String publicKeyBase64) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Ed25519 signer = new Ed25519(key, publicKeyBase64);
            byte[] probe = "hotline key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!verify(publicKeyBase64, probe, signer.sign(probe))) {
                throw new HotlineException("the private key does not match the public key " + publicKeyBase64);
            }
            return signer;
        } catch (GeneralSecurityException e) {
            throw new HotlineException("reading an Ed25519 private key", e);
        }
    }

    public byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    @Override
    public String publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new HotlineException("signing with Ed25519", e);
        }
    }

    /** True iff {@code signature} is a valid Ed25519 signature of {@code data} by {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(decode(publicKeyBase64));
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed key or signature is a failed verification, not an error of ours.
            return false;
        }
    }

    /** The 32-byte RFC 8032 encoding: the last 32 bytes of the X.509 SubjectPublicKeyInfo. */
    static String encode(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    static PublicKey decode(String base64) throws GeneralSecurityException {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        // RFC 8032 5.1.2: little-endian y with the sign of x in the top bit of the last byte.
        boolean xOdd = (raw[31] & 0x80) != 0;
        byte[] y = new byte[32];
        for (int i = 0; i < 32; i++) {
            y[i] = raw[31 - i];
        }
        y[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, y));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
