package org.hotline.source;

import java.nio.charset.StandardCharsets;

/**
 * One line of input, without its line terminator ({@code \n} or {@code \r\n}), as bytes in a
 * shared block buffer.
 *
 * <p>Hazard: {@code bytes} is the block's buffer, shared by every line of the block and reused
 * after the block is processed. A parser may read {@code bytes[offset, offset + length)} during
 * {@code parse} but must copy anything it keeps (Strings it builds are copies already).
 *
 * @param number    1-based line number within its input
 * @param truncated true if the line was longer than {@link LineBlockReader#MAX_LINE_BYTES} and was cut
 *                  there; the pipeline counts such a line as malformed without calling a parser
 */
public record RawLine(byte[] bytes, int offset, int length, long number, boolean truncated) {

    /** The line decoded as UTF-8 (invalid sequences become U+FFFD). Allocates; avoid on hot paths. */
    public String text() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    public boolean isBlank() {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    public int end() {
        return offset + length;
    }
}
