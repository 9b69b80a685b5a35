package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a byte stream into {@link LineBlock}s of whole lines and numbers them.
 *
 * <p>Each block gets its own buffer (about {@link #BLOCK_BYTES}, reused through {@link BlockBuffers}
 * when the caller gives them back), so workers can process blocks while the reader goes on;
 * memory is bounded by the number of blocks in flight, never by the input's size. A line longer
 * than {@link #MAX_LINE_BYTES} is cut there, flagged, and the rest of it is skipped: one
 * pathological line must not stall the run or exhaust memory (fail2ban #1173).
 */
public final class LineBlockReader {
    public static final int MAX_LINE_BYTES = 1 << 20;
    static final int BLOCK_BYTES = 1 << 20;

    private final String name;
    private final InputStream in;
    private final LongSupplierOffset offset;
    /** Where block buffers come from: reused ones when a pipeline gives them back, else null (new each time). */
    private final BlockBuffers buffers;
    private final boolean whenIdle;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private long nextLine = 1;
    private boolean eof;
    /** A read failure (truncated gzip) held back until the complete lines before it are handed out. */
    private IOException failure;

    /** Reports how far into the underlying input the reader is (for progress). */
    @FunctionalInterface
    public interface LongSupplierOffset {
        long get();
    }

    public LineBlockReader(String name, InputStream in, LongSupplierOffset offset) {
        this(name, in, offset, null);
    }

    /** @param buffers where block buffers come from and go back to, or null for a new buffer per block */
    public LineBlockReader(String name, InputStream in, LongSupplierOffset offset, BlockBuffers buffers) {
        this(name, in, offset, buffers, false);
    }

    /**
     * @param whenIdle hand out a block as soon as the input has nothing more to give right now
     *                 ({@link InputStream#available()} is 0) and the block holds a whole line, rather
     *                 than when it is full: for a file followed as it grows, whose lines come a few at
     *                 a time and would otherwise wait for a megabyte of others
     */
    public LineBlockReader(String name, InputStream in, LongSupplierOffset offset, BlockBuffers buffers, boolean whenIdle) {
        this.name = name;
        this.in = in;
        this.offset = offset;
        this.buffers = buffers;
        this.whenIdle = whenIdle;
    }

    /** The next block, or null at the end of the input. */
    public LineBlock next() throws IOException {
        if (failure != null && pendingLength == 0) {
            throw failure;
        }
        if (eof && pendingLength == 0) {
            return null;
        }
        byte[] buf = buffers == null ? new byte[pendingLength + BLOCK_BYTES] : buffers.take(pendingLength + BLOCK_BYTES);
        System.arraycopy(pending, 0, buf, 0, pendingLength);
        int fill = pendingLength;
        int carried = pendingLength;
        pendingLength = 0;
        if (!eof) {
            fill += readFully(buf, fill, buf.length - fill);
        }
        if (fill == 0) {
            // A read that failed before any byte came is an error, not an empty input.
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        if (failure != null) {
            // The input was cut: hand out its complete lines; the broken last one is not a line.
            int lastNewline = lastIndexOf(buf, fill);
            pendingLength = 0;
            if (lastNewline < 0) {
                throw failure;
            }
            return emitCut(buf, lastNewline + 1, carried);
        }
        if (eof) {
            return emitCut(buf, fill, carried);
        }
        int lastNewline = lastIndexOf(buf, fill);
        if (lastNewline >= 0) {
            keepPending(buf, lastNewline + 1, fill);
            return emitCut(buf, lastNewline + 1, carried);
        }
        // A whole buffer without a newline: an over-long line. Keep its head, drop the rest of it;
        // unless the input opens with binary data, which the source refuses on its first block:
        // looking for the end of that "line" read /dev/zero forever and a 2 GB sparse file for seconds.
        if (nextLine > 1 || TextProbe.binaryAt(buf, fill) < 0) {
            skipRestOfLine();
        }
        // Room for the newline put after the kept head: a buffer of exactly BLOCK_BYTES (no pool) is full.
        int kept = Math.min(fill, Math.min(MAX_LINE_BYTES, buf.length - 1));
        buf[kept] = '\n';
        return emit(buf, kept + 1, 0);
    }

    /**
     * Emits {@code buf[0, length)}, its first line cut at {@link #MAX_LINE_BYTES} if it is longer:
     * only that line can be, since it alone began in the block before ({@code carried} bytes of it,
     * up to a megabyte, with no newline among them) and every later line began in this block's
     * megabyte. Without this cut, such a line was handed out whole while the same line at the start
     * of a block was cut: whether a line was analysed hung on where a block happened to begin.
     */
    private LineBlock emitCut(byte[] buf, int length, int carried) {
        if (carried == 0) {
            return emit(buf, length, -1);
        }
        int end = Newlines.next(buf, carried, length);
        if (end < 0) {
            end = length;   // the last line of the input, without a newline
        }
        if (end <= MAX_LINE_BYTES) {
            return emit(buf, length, -1);
        }
        buf[MAX_LINE_BYTES] = '\n';
        int rest = Math.max(0, length - end - 1);
        System.arraycopy(buf, end + 1, buf, MAX_LINE_BYTES + 1, rest);
        return emit(buf, MAX_LINE_BYTES + 1 + rest, 0);
    }

    private LineBlock emit(byte[] buf, int length, int truncatedLine) {
        LineBlock block = LineBlock.of(name, buf, length, nextLine, offset.get(), truncatedLine);
        nextLine += block.lineCount();
        return block;
    }

    private void keepPending(byte[] buf, int from, int to) {
        pendingLength = to - from;
        if (pending.length < pendingLength) {
            pending = new byte[Math.max(pendingLength, 1 << 16)];
        }
        System.arraycopy(buf, from, pending, 0, pendingLength);
    }

    private void skipRestOfLine() throws IOException {
        byte[] scratch = new byte[1 << 16];
        while (true) {
            int n = in.read(scratch);
            if (n < 0) {
                eof = true;
                return;
            }
            int nl = LineBlock.indexOf(scratch, (byte) '\n', 0, n);
            if (nl >= 0) {
                keepPending(scratch, nl + 1, n);
                return;
            }
        }
    }

    private int readFully(byte[] buf, int from, int length) throws IOException {
        int total = 0;
        boolean sawNewline = false;
        while (total < length) {
            int n;
            try {
                n = in.read(buf, from + total, length - total);
            } catch (IOException e) {
                failure = e;
                eof = true;
                break;
            }
            if (n < 0) {
                eof = true;
                break;
            }
            total += n;
            // The bytes before `from` are the unfinished line the last block left: no newline there.
            sawNewline = sawNewline || (whenIdle && Newlines.next(buf, from + total - n, from + total) >= 0);
            if (sawNewline && in.available() == 0) {
                break;
            }
        }
        return total;
    }

    private static int lastIndexOf(byte[] b, int fill) {
        for (int i = fill - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
