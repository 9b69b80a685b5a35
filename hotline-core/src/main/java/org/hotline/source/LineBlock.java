package org.hotline.source;

import java.util.Arrays;
import java.util.List;
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
 * @param lineEnds    where each line ends: the index of its {@code \n}, or {@code length} for a last
 *                    line without one ({@link #of} finds them); found once, by the reader, which
 *                    needs their number, so the workers need not search again. Not copied: the
 *                    block owns it, like {@code bytes}
 */
public record LineBlock(String source, byte[] bytes, int length, long firstLine, long inputOffset, int truncatedLine,
                        int[] lineEnds) {

    /** The block of the lines in {@code bytes[0, length)}, their ends found. */
    public static LineBlock of(String source, byte[] bytes, int length, long firstLine, long inputOffset,
                               int truncatedLine) {
        return new LineBlock(source, bytes, length, firstLine, inputOffset, truncatedLine,
                Newlines.lineEnds(bytes, length));
    }

    /** Number of lines in the block (a last line without a newline counts). */
    public long lineCount() {
        return lineEnds.length;
    }

    /** Calls {@code visitor} for each line, stripping {@code \r\n} and {@code \n}. */
    public void forEachLine(Consumer<RawLine> visitor) {
        int start = 0;
        for (int i = 0; i < lineEnds.length; i++) {
            int end = lineEnds[i];
            int lineEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            visitor.accept(new RawLine(bytes, start, lineEnd - start, firstLine + i, i == truncatedLine));
            start = end + 1;
        }
    }

    /**
     * Offsets where each line starts, and one more: where a line after the last would start
     * ({@link #length}, or one past it when the block does not end with a newline).
     */
    public int[] lineStarts() {
        int[] starts = new int[lineEnds.length + 1];
        for (int i = 0; i < lineEnds.length; i++) {
            starts[i + 1] = lineEnds[i] + 1;
        }
        return starts;
    }

    /**
     * Lines {@code from} to {@code to} (exclusive) as a block of their own, numbered as here, with
     * their own copy of the bytes: for reading inputs merged by time, where a block is handed out in
     * pieces that end where another input's lines are due. {@code starts} is {@link #lineStarts()};
     * {@code 0 <= from < to <= lineCount}.
     */
    public LineBlock slice(int from, int to, int[] starts) {
        if (from < 0 || to <= from || to > lineEnds.length) {
            throw new IllegalArgumentException("no lines " + from + " to " + to + " in a block of " + lineEnds.length);
        }
        byte[] piece = Arrays.copyOfRange(bytes, starts[from], Math.min(starts[to], length));
        int[] ends = new int[to - from];
        for (int i = from; i < to; i++) {
            ends[i - from] = lineEnds[i] - starts[from];
        }
        return new LineBlock(source, piece, piece.length, firstLine + from, inputOffset,
                truncatedLine >= from && truncatedLine < to ? truncatedLine - from : -1, ends);
    }

    /**
     * The lines of {@code blocks}, which follow on from each other in one input, as one block with
     * its own copy of the bytes: for telling the format of a followed file from more lines than its
     * first few-line blocks hold. Each block but the last must end with its newline.
     */
    public static LineBlock join(List<LineBlock> blocks) {
        int length = 0;
        int lines = 0;
        for (LineBlock b : blocks) {
            length += b.length;
            lines += b.lineEnds.length;
        }
        byte[] bytes = new byte[length];
        int[] ends = new int[lines];
        int at = 0;
        int line = 0;
        int truncated = -1;
        LineBlock first = blocks.get(0);
        for (LineBlock b : blocks) {
            if (first.firstLine + line != b.firstLine) {
                throw new IllegalArgumentException("block of line " + b.firstLine + " does not follow line " + (first.firstLine + line - 1));
            }
            System.arraycopy(b.bytes, 0, bytes, at, b.length);
            for (int i = 0; i < b.lineEnds.length; i++) {
                ends[line + i] = b.lineEnds[i] + at;
            }
            if (b.truncatedLine >= 0) {
                truncated = line + b.truncatedLine;
            }
            at += b.length;
            line += b.lineEnds.length;
        }
        return new LineBlock(first.source, bytes, length, first.firstLine, blocks.get(blocks.size() - 1).inputOffset,
                truncated, ends);
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
