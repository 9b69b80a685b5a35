package org.hotline.stix;

/** JSON pointers (RFC 6901) as the locations in validation and tampering messages. */
public final class Pointers {
    private Pointers() {}

    /** One reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code base} extended by one member name. */
    public static String member(String base, String name) {
        return base + "/" + escape(name);
    }
}
