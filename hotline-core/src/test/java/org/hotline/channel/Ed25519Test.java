package org.hotline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, TEST 2 (one-byte message 0x72). */
    private static final String SECRET = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private static final String PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private static final String SIGNATURE = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    @Test
    void verifiesTheRfc8032TestVectorWithARawPublicKey() {
        String publicKey = Base64.getEncoder().encodeToString(HEX.parseHex(PUBLIC));
        byte[] message = {0x72};
        assertThat(Ed25519.verify(publicKey, message, HEX.parseHex(SIGNATURE))).isTrue();
        assertThat(Ed25519.verify(publicKey, new byte[] {0x73}, HEX.parseHex(SIGNATURE))).isFalse();
    }

    @Test
    void encodesPublicKeysAsTheRfc8032Bytes() throws Exception {
        // Sign the vector with the JDK from the raw secret, then check our raw public key encoding
        // of a generated pair round-trips through decode().
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HEX.parseHex(SECRET)));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(new byte[] {0x72});
        assertThat(HEX.formatHex(s.sign())).isEqualTo(SIGNATURE);

        Ed25519 pair = Ed25519.generate();
        assertThat(Base64.getDecoder().decode(pair.publicKey())).hasSize(32);
        byte[] data = "concern".getBytes();
        assertThat(Ed25519.verify(pair.publicKey(), data, pair.sign(data))).isTrue();
        Ed25519 restored = Ed25519.of(pair.privateKeyPkcs8(), pair.publicKey());
        assertThat(Ed25519.verify(pair.publicKey(), data, restored.sign(data))).isTrue();
    }

    @Test
    void malformedKeysAndSignaturesAreFailedVerificationsNotErrors() {
        assertThat(Ed25519.verify("not base64!", new byte[1], new byte[64])).isFalse();
        assertThat(Ed25519.verify(Base64.getEncoder().encodeToString(new byte[31]), new byte[1], new byte[64])).isFalse();
        assertThat(Ed25519.verify(Ed25519.generate().publicKey(), new byte[1], new byte[3])).isFalse();
    }
}
