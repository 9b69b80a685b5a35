package org.hotline.source;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A run of whole lines read from one input: the unit of work handed to a pipeline worker.
 * Line numbers are assigned by the reader, so blocks can be processed in any order, on any thread.
 *
 * @param source      the input's name as the user gave it
 * @param bytes       buffer owned by this block; lines are {@code \n}-separated in {@code [0, length)}
 * @param firstLine   the 1-based number of the first line in the block
 * @param inputOffset how far into the underlying file (compressed bytes for .gz) the reader had got
 *                    after this block: progress, not a line position
 * @param truncatedLine index within the block of a line cut at {@link LineBlockReader#MAX_LINE_BYTES}, or -1
 * @param lineCount   number of lines in the block ({@link #countLines}), counted once by the reader:
 *                    the reader, the source and the pipeline each need it, on the one reading thread
 */
public record LineBlock(String source, byte[] bytes, int length, long firstLine, long inputOffset, int truncatedLine,
                        long lineCount) {

    /** Calls {@code visitor} for each line, stripping {@code \r\n} and {@code \n}. */
    public void forEachLine(Consumer<RawLine> visitor) {
        long number = firstLine;
        int start = 0;
        int index = 0;
        while (start < length) {
            int nl = indexOf(bytes, (byte) '\n', start, length);
            int end = nl < 0 ? length : nl;
            int lineEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            visitor.accept(new RawLine(bytes, start, lineEnd - start, number++, index == truncatedLine));
            index++;
            start = end + 1;
        }
    }

    /**
     * Offsets where each line starts, and one more: where a line after the last would start
     * ({@link #length}, or one past it when the block does not end with a newline).
     */
    public int[] lineStarts() {
        int[] starts = new int[(int) lineCount + 1];
        int start = 0;
        for (int i = 0; i < lineCount; i++) {
            starts[i] = start;
            int nl = indexOf(bytes, (byte) '\n', start, length);
            start = nl < 0 ? length + 1 : nl + 1;
        }
        starts[(int) lineCount] = start;
        return starts;
    }

    /**
     * Lines {@code from} to {@code to} (exclusive) as a block of their own, numbered as here, with
     * their own copy of the bytes: for reading inputs merged by time, where a block is handed out in
     * pieces that end where another input's lines are due. {@code starts} is {@link #lineStarts()};
     * {@code 0 <= from < to <= lineCount}.
     */
    public LineBlock slice(int from, int to, int[] starts) {
        if (from < 0 || to <= from || to > lineCount) {
            throw new IllegalArgumentException("no lines " + from + " to " + to + " in a block of " + lineCount);
        }
        byte[] piece = Arrays.copyOfRange(bytes, starts[from], Math.min(starts[to], length));
        return new LineBlock(source, piece, piece.length, firstLine + from, inputOffset,
                truncatedLine >= from && truncatedLine < to ? truncatedLine - from : -1, to - from);
    }

    /** Number of lines in {@code [0, length)} of {@code bytes} (a last line without newline counts). */
    static long countLines(byte[] bytes, int length) {
        if (length == 0) {
            return 0;
        }
        long n = Newlines.count(bytes, 0, length);
        return bytes[length - 1] == '\n' ? n : n + 1;
    }

    static int indexOf(byte[] b, byte target, int from, int to) {
        return target == '\n' ? Newlines.next(b, from, to) : indexOfByte(b, target, from, to);
    }

    private static int indexOfByte(byte[] b, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
