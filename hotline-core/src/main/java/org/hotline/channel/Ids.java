package org.hotline.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * STIX-style identifiers, {@code <type>--<uuid>}. New ids are random (UUIDv4, as STIX wants for
 * SDOs); derived ids are UUIDv5 so both nodes compute the same id for the same thing.
 */
public final class Ids {
    private static final Pattern FORM = Pattern.compile(
            "[a-z][a-z0-9-]*[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** Namespace for Hotline's own derived (UUIDv5) ids. */
    private static final UUID HOTLINE_NAMESPACE = UUID.fromString("1c6e0a55-8a6e-4b0e-9d8a-5d1e0c7f3a21");

    private Ids() {}

    public static String random(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** A UUIDv5 id of {@code type} derived from {@code name} in Hotline's namespace. */
    public static String derived(String type, String name) {
        return type + "--" + uuid5(HOTLINE_NAMESPACE, name);
    }

    public static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (h[i] & 0xff);
                lsb = (lsb << 8) | (h[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-1 is required of every JDK", e);
        }
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    /** Checks {@code id} is a well-formed id of {@code type}; throws naming both otherwise. */
    public static String require(String id, String type) {
        if (id == null || !FORM.matcher(id).matches() || !id.startsWith(type + "--")) {
            throw new IllegalArgumentException("not a " + type + " id: '" + id + "'");
        }
        return id;
    }

    public static boolean isValid(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
