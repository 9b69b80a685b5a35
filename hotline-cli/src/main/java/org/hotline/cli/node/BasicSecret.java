package org.hotline.cli.node;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.HotlineException;

/**
 * The HTTP Basic passwords of a channel, derived from one secret both parties hold (agreed out of
 * band, e.g. one side generates it with {@code channel add --secret-file} and hands the file over).
 * Each direction gets its own password, HMAC-SHA256(secret, "hotline-basic|" + client + "|" + server),
 * so each node keeps in plain only the password it sends and only a PBKDF2 hash of the one it
 * accepts, and neither stores the secret itself. The Basic user name is the client's party id.
 */
public final class BasicSecret {
    private BasicSecret() {}

    public static String generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The password the party {@code client} uses to log in to {@code server}'s node. */
    public static String password(String secret, String client, String server) {
        if (secret == null || secret.strip().length() < 16) {
            throw new IllegalArgumentException("the channel secret must have at least 16 characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal(("hotline-basic|" + client + "|" + server).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new HotlineException("HmacSHA256 is required of every JDK", e);
        }
    }
}
