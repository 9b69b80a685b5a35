package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standard input read until {@link FollowStop} says to stop or the stream ends, whichever comes
 * first: {@code journalctl -f -o json | hotline analyze --follow -}, or {@code kubectl logs -f}.
 * On the stop, what has come in so far is read, and the input ends there.
 *
 * <p>Why a thread: a read of a pipe blocks until the writer writes, and nothing wakes it, so a stop
 * (SIGTERM to Hotline alone, while the writer goes on) could never end the input. A daemon thread
 * does the blocking reads and hands over what it got; it is left blocked when the run ends.
 */
public final class FollowedStream extends FollowedInput {
    private static final int CHUNK = 1 << 16;
    /** Chunks read ahead at most: a megabyte, so a fast writer waits for the analysis, not memory. */
    private static final int AHEAD = 16;
    private static final byte[] END = new byte[0];

    private final FollowStop stop;
    private final long pollMillis;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(AHEAD);
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;
    private boolean endedByItself;

    private FollowedStream(InputStream in, FollowStop stop, long pollMillis) {
        this.stop = stop;
        this.pollMillis = pollMillis;
        Thread reader = new Thread(() -> copy(in), "hotline-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading {@code in} ahead on a daemon thread; {@code pollMillis} is how often a stop is looked for. */
    public static FollowedStream of(InputStream in, FollowStop stop, long pollMillis) {
        return new FollowedStream(in, stop, pollMillis);
    }

    private void copy(InputStream in) {
        try {
            while (true) {
                byte[] buf = new byte[CHUNK];
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    chunks.put(n == CHUNK ? buf : Arrays.copyOf(buf, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until there is at least one byte; -1 at the stream's end, or after the stop once what had come is read. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!ended && at == current.length) {
            byte[] next;
            try {
                // After the stop only what has come in already is taken.
                next = stop.requested() ? chunks.poll() : chunks.poll(pollMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading standard input");
            }
            if (next == END) {
                ended = true;
                endedByItself = true;
                if (failure != null) {
                    throw failure;
                }
            } else if (next != null) {
                current = next;
                at = 0;
            } else if (stop.requested()) {
                ended = true;
            }
        }
        if (at == current.length) {
            return -1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }

    /** What can be read without waiting: the rest of the chunk at hand and the next one, if it has come. */
    @Override
    public int available() {
        byte[] next = chunks.peek();
        return current.length - at + (next == null ? 0 : next.length);
    }

    /** True if the stream ended by itself (its writer closed it), not because of the stop. */
    public boolean endedByItself() {
        return endedByItself;
    }
}
