package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip stream that does not end in silence on the start of a member it could not read. The JDK's
 * stream, after a member, tries to read the next one's header and, if that fails, ends as if the
 * data had ended there: a file cut a few bytes into its last member (a copy stopped short, a
 * concatenation of a partial file) read as complete, with no word that lines were lost. {@code gzip
 * -t} says "unexpected end of file". Zeros after the last member (tar-style padding) stay allowed, as
 * gzip allows them.
 *
 * <p>What can be seen: the bytes the stream had buffered beyond the last member's trailer. A cut
 * member long enough to have its whole header already fails in inflating, as before.
 */
final class WholeMembersGzipStream extends GZIPInputStream {
    private static final int TRAILER_BYTES = 8;
    private boolean checked;

    WholeMembersGzipStream(InputStream in, int size) throws IOException {
        super(in, size);
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        int r = super.read(b, off, n);
        if (r < 0 && !checked) {
            checked = true;
            int after = inf.getRemaining() - TRAILER_BYTES;
            for (int i = len - after; after > 0 && i < len; i++) {
                if (buf[i] != 0) {
                    throw new ZipException(after + " bytes after the last complete gzip member are not a whole"
                            + " member: the file is cut");
                }
            }
        }
        return r;
    }
}
