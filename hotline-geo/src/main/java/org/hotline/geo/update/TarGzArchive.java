package org.hotline.geo.update;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hotline.OutputException;

/**
 * Extracts chosen regular files from a gzip-compressed tar (an npm tarball) with the JDK alone:
 * ustar headers, POSIX pax {@code path=} records and GNU long names (POSIX.1-2001, "pax
 * Interchange Format"). Nothing else is extracted, and each entry goes to a path the caller chose,
 * so a hostile entry name ({@code ../../x}) cannot write anywhere.
 */
final class TarGzArchive {

    private static final int BLOCK = 512;

    private TarGzArchive() {}

    /**
     * Writes each entry of {@code wanted} (archive name → target path) that the archive holds; returns
     * the names found with their sizes. Names not in the archive are simply absent from the result.
     *
     * @throws IOException when the archive is not a whole gzip-compressed tar (the package's fault)
     * @throws OutputException when an entry cannot be written (the local disk's)
     */
    static Map<String, Long> extract(Path tgz, Map<String, Path> wanted) throws IOException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break; // end of archive
                }
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                if (type == 'x' || type == 'L') {
                    String text = new String(readAll(in, size), StandardCharsets.UTF_8);
                    longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                    skipPadding(in, size);
                    continue;
                }
                Path target = (type == '0' || type == '\0') ? wanted.get(name) : null;
                if (target != null) {
                    extractEntry(in, target, size);
                    found.put(name, size);
                } else {
                    skip(in, size);
                }
                skipPadding(in, size);
            }
        }
        return found;
    }

    private static void extractEntry(InputStream in, Path target, long size) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(target);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + " (" + e.getMessage() + ")", e);
        }
        try (out) {
            copy(in, out, target, size);
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = "ustar".equals(cString(h, 257, 5)) ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax extended header ("27 path=package/x.csv\n"), or null. */
    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String cString(byte[] b, int from, int max) {
        int end = from;
        while (end < from + max && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int from, int len) throws IOException {
        if ((b[from] & 0x80) != 0) {
            throw new IOException("tar entry size in base-256 form (over 8 GB) is not supported");
        }
        long v = 0;
        for (int i = from; i < from + len && b[i] != 0 && b[i] != ' '; i++) {
            if (b[i] < '0' || b[i] > '7') {
                throw new IOException("bad octal size in tar header");
            }
            v = v * 8 + (b[i] - '0');
        }
        return v;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new IOException("truncated tar archive");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar extended header of " + size + " bytes");
        }
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) {
            throw new IOException("truncated tar archive");
        }
        return b;
    }

    private static void copy(InputStream in, OutputStream out, Path target, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("truncated tar archive");
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + " (" + e.getMessage() + ")", e);
            }
            left -= n;
        }
    }

    private static void skip(InputStream in, long size) throws IOException {
        in.skipNBytes(size);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(pad);
    }
}
