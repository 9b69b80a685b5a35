package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * What {@code --follow} reads ({@link FollowedFile}, {@link FollowedStream}): streams whose reads
 * of many bytes do the work, block until a byte comes, and end on a {@link FollowStop}. A read of
 * one byte is one of those.
 */
abstract class FollowedInput extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
