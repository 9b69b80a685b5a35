package org.hotline.stix.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.hotline.channel.CanonicalJson;
import org.hotline.channel.Ids;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ids of the STIX objects Hotline derives from a message, so that both nodes render the same
 * object under the same id without exchanging anything but the signed message.
 *
 * <ul>
 *   <li><b>SCOs</b> get the id STIX 2.1 (section 2.9) prescribes: UUIDv5 in the namespace
 *       {@code 00abedb4-aa42-466c-9c01-fed23315a9b7} over the JCS (RFC 8785) canonical JSON of the
 *       type's id-contributing properties (python-stix2 {@code _generate_id}). Any producer, not only
 *       Hotline, gets the same id for {@code 198.51.100.3}, which is the point of deterministic ids.</li>
 *   <li><b>SDOs and SROs</b> Hotline derives (observed-data, indicator, sighting, bundle) get a
 *       UUIDv4-shaped id whose 122 "random" bits are the SHA-256 of a name unique to the object
 *       (the random id of the grouping or concern it belongs to, plus its role and position). STIX
 *       says SDO ids SHOULD be UUIDv4 and cti-stix-validator warns otherwise; bits taken from a hash
 *       of a unique name are as unpredictable to a consumer as random ones, and both nodes compute
 *       them. A UUIDv5 would say "name-based" more honestly but draws that warning.</li>
 * </ul>
 *
 * <p>Hazard: changing a derivation name changes ids already sent; the names carry a version prefix
 * so a future scheme can coexist.
 */
public final class StixIds {
    /** STIX 2.1 section 2.9: the namespace of deterministic SCO ids. */
    public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    private static final String DERIVATION = "hotline-stix/1|";

    private StixIds() {}

    /**
     * The deterministic id of an SCO.
     *
     * @param idContributing exactly the type's id-contributing properties that are present (for
     *                       {@code hashes}, only the one hash STIX picks: MD5, else SHA-1, else SHA-256)
     */
    public static String sco(String type, ObjectNode idContributing) {
        String canonical = new String(CanonicalJson.bytes(idContributing), StandardCharsets.UTF_8);
        return type + "--" + Ids.uuid5(SCO_NAMESPACE, canonical);
    }

    /** A UUIDv4-shaped id derived from {@code name} (see the class comment). */
    public static String derived(String type, String name) {
        byte[] h = sha256((DERIVATION + type + "|" + name).getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x40);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return type + "--" + new UUID(msb, lsb);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }
}
