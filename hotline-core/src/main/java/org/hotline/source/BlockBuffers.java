package org.hotline.source;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Block buffers that come back for the next block once a worker has parsed theirs, so reading an
 * input does not allocate (and the JVM does not zero) a fresh megabyte per block.
 *
 * <p>Why: the block buffers were a quarter of everything a run allocated (1M-line bench file:
 * 200 of 730 MB), so a quarter of its young collections, and clearing each new buffer was a tenth
 * of the reading thread's time. A pipeline has a few blocks in flight, so a few buffers suffice.
 *
 * <p>Ownership is the hazard: a buffer must be {@link #give given} back only when nothing reads
 * it any more (see {@link RawLine}: parsers copy what they keep). Thread-safe; a buffer given
 * back when the pool is full is simply left to the garbage collector.
 */
public final class BlockBuffers {
    /** New buffers hold a block and a long partial line carried over from the block before. */
    static final int BUFFER_BYTES = LineBlockReader.BLOCK_BYTES + (1 << 16);

    private final BlockingQueue<byte[]> free;

    /** @param kept buffers kept for reuse at most: the blocks a pipeline can have in flight */
    public BlockBuffers(int kept) {
        free = new ArrayBlockingQueue<>(Math.max(1, kept));
    }

    /** A buffer of at least {@code length} bytes, reused when one is free; its content is garbage. */
    byte[] take(int length) {
        byte[] b = free.poll();
        if (b != null && b.length >= length) {
            return b;
        }
        // A buffer too small for this block (it followed an over-long line) is dropped, not kept.
        return new byte[Math.max(length, BUFFER_BYTES)];
    }

    /** Returns a block's buffer for reuse; its block must not be read after this. */
    public void give(LineBlock block) {
        free.offer(block.bytes());
    }

    /** Buffers waiting for reuse (for tests). */
    int free() {
        return free.size();
    }
}
