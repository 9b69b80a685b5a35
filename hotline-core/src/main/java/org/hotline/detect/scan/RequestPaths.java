package org.hotline.detect.scan;

/**
 * What the path scan needs from a request target, without allocating: where the path ends (the
 * query is not part of what is being discovered), whether it names a static resource, and a 64-bit
 * hash to count distinct paths with.
 *
 * <p>Static resources are left out as CrowdSec's http-probing does: a page with a broken image or
 * style sheet makes every visitor's browser collect 404s, which is not content discovery.
 */
final class RequestPaths {
    private static final String[] STATIC_EXTENSIONS = {
        "css", "js", "map", "png", "jpg", "jpeg", "gif", "ico", "svg", "webp", "bmp",
        "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3"
    };

    private RequestPaths() {}

    /** Index of the end of the path: the first '?' or '#', or the length. */
    static int pathEnd(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    static boolean isStatic(String target, int end) {
        int dot = -1;
        for (int i = end - 1; i >= 0; i--) {
            char c = target.charAt(i);
            if (c == '.') {
                dot = i;
                break;
            }
            if (c == '/') {
                return false;
            }
        }
        if (dot < 0) {
            return false;
        }
        int length = end - dot - 1;
        for (String ext : STATIC_EXTENSIONS) {
            if (ext.length() == length && target.regionMatches(true, dot + 1, ext, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the UTF-16 units of {@code [0, end)}, 64 bits: collisions are negligible here. */
    static long hash(String target, int end) {
        long h = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < end; i++) {
            h ^= target.charAt(i);
            h *= 0x0000_0100_0000_01b3L;
        }
        return h;
    }
}
