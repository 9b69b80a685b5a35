package org.hotline.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A log file read as it grows, the way {@code tail -F} reads it: at its end, reading waits for the
 * lines written next, and follows the name when the log is rotated (renamed away and replaced) or
 * truncated in place (logrotate's {@code copytruncate}), until {@link FollowStop} says to stop.
 * Then it reads on to what the file held at that moment, so every line written before the stop is
 * read, and no line after it; a line half written at that moment is finished if the rest is there
 * by then, else handed out as it stood (the parser says what is wrong with it, with its number).
 *
 * <p>Rotation: the file now under the name is taken up only once it holds data and the old one
 * has none left to read. A server goes on writing into the renamed file until it is told to reopen
 * its log (nginx on USR1, after logrotate's postrotate), so switching as soon as a new file appears
 * would lose the lines written in between; the new file gets its first line only after that.
 *
 * <p>Line numbers run on across rotations (it is one input to the report); {@link #rotations()}
 * and {@link #truncations()} say at which line each new start began, so evidence can be found in
 * the right file.
 */
public final class FollowedFile extends FollowedInput {
    /** How often the end of the file is looked at again while nothing new is there. */
    public static final long POLL_MILLIS = 250;

    private final Path path;
    private final FollowStop stop;
    private final long pollMillis;
    private FileChannel channel;
    private Object fileKey;
    private long position;
    /** Newlines handed out so far: the number of the last whole line read. */
    private long newlines;
    private final List<Long> rotations = new ArrayList<>();
    private final List<Long> truncations = new ArrayList<>();
    /** The size of the file when the stop came (read to there, then end), or -1 before the stop. */
    private long stopAt = -1;
    /** The last byte handed out was a newline (or none was): no line is half read. */
    private boolean endsLine = true;
    private boolean ended;
    /** The file was cut off mid-line by a rotation or truncation: a newline ends that line before the next file's. */
    private boolean owedNewline;
    /** The file now under the name could not be opened (permission denied): the old one is still read. */
    private boolean unreadableReplacement;

    private FollowedFile(Path path, FollowStop stop, long pollMillis) throws IOException {
        this.path = path;
        this.stop = stop;
        this.pollMillis = pollMillis;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /** Opens {@code path} for following from its start; {@code pollMillis} is {@link #POLL_MILLIS} but in tests. */
    public static FollowedFile open(Path path, FollowStop stop, long pollMillis) throws IOException {
        return new FollowedFile(path, stop, pollMillis);
    }

    /**
     * Blocks until there is at least one byte; after the stop, -1 once everything written before it
     * has been read.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (owedNewline) {
                owedNewline = false;
                b[off] = '\n';
                endsLine = true;
                newlines++;
                return 1;
            }
            if (stopAt < 0 && stop.requested()) {
                stopAt = channel.size();   // what the file holds now was written before the stop: all of it is read
            }
            boolean finishing = stopAt >= 0 && position >= stopAt;
            int want = stopAt >= 0 && !finishing ? (int) Math.min(len, stopAt - position) : len;
            int n = finishing && endsLine ? 0 : channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n > 0) {
                if (finishing) {
                    // Past the stop only the line being read is finished, up to its end.
                    int newline = Newlines.next(b, off, off + n);
                    if (newline >= 0) {
                        n = newline - off + 1;
                    }
                }
                position += n;
                endsLine = b[off + n - 1] == '\n';
                countNewlines(b, off, off + n);
                return n;
            }
            if (restarted()) {
                if (stopAt >= 0) {
                    stopAt = channel.size();
                }
                continue;
            }
            if (stopAt >= 0) {
                // Read to the stop, and the line then being written is finished or was left as it stood.
                ended = true;
                return -1;
            }
            try {
                stop.await(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while following " + path);
            }
        }
    }

    /**
     * At the end of what is there: whether reading starts over, in the file that replaced this one
     * under its name, or from the start of this one because it was truncated.
     */
    private boolean restarted() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;   // renamed away and not replaced yet: wait, the old file may still grow
        }
        if (!Objects.equals(now.fileKey(), fileKey)) {
            // Not a log (a directory put under the name), the writer has not moved over yet, or the old
            // file still has lines: read on there.
            if (!now.isRegularFile() || now.size() == 0 || channel.size() > position) {
                return false;
            }
            FileChannel next;
            try {
                next = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return false;
            } catch (AccessDeniedException e) {
                // Left as it is, the old file may still be written; the report says why the new one is not in it.
                unreadableReplacement = true;
                return false;
            }
            unreadableReplacement = false;
            channel.close();
            channel = next;
            fileKey = now.fileKey();
            position = 0;
            rotations.add(startOver());
            return true;
        }
        if (channel.size() < position) {
            position = 0;
            truncations.add(startOver());
            return true;
        }
        return false;
    }

    /**
     * Reading starts over at a file's start: the number of its first line. A last line left without
     * its newline (the writer stopped mid-line) is ended first, so it stays a line of its own rather
     * than being glued to the new file's first line.
     */
    private long startOver() {
        if (!endsLine) {
            owedNewline = true;
            return newlines + 2;
        }
        return newlines + 1;
    }

    private void countNewlines(byte[] b, int from, int to) {
        for (int i = Newlines.next(b, from, to); i >= 0; i = Newlines.next(b, i + 1, to)) {
            newlines++;
        }
    }

    /** Bytes that can be read now without waiting: what the file holds past the read position. */
    @Override
    public int available() throws IOException {
        if (ended) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - position) + (owedNewline ? 1 : 0));
    }

    /** Whether the file last found under the name, after a rotation, could not be opened. */
    public boolean replacementUnreadable() {
        return unreadableReplacement;
    }

    /** The numbers of the lines that began a new file under the name (the log was rotated). */
    public List<Long> rotations() {
        return List.copyOf(rotations);
    }

    /** The numbers of the lines read from the start again after the file was truncated. */
    public List<Long> truncations() {
        return List.copyOf(truncations);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
