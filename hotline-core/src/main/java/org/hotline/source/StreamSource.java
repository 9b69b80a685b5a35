package org.hotline.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.hotline.InputException;

/**
 * A file or standard input, gzip-compressed or not (told by the magic bytes {@code 1f 8b}, so a
 * rotated {@code access.log.2.gz} and a {@code .gz} piped into stdin both work).
 */
public final class StreamSource implements Source {
    private final SourceInfo info;
    private final InputStream raw;
    private final LineBlockReader reader;
    private final boolean followed;
    private boolean first = true;
    private long lastLine;

    private StreamSource(String name, long size, long mtime, InputStream rawStream, BlockBuffers buffers) throws IOException {
        this(name, size, mtime, rawStream, buffers, false);
    }

    /** @param followed the stream is a {@link FollowedFile}: blocks go out as soon as its writer pauses */
    private StreamSource(String name, long size, long mtime, InputStream rawStream, BlockBuffers buffers, boolean followed)
            throws IOException {
        CountingStream counting = new CountingStream(rawStream);
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        boolean gzip = gzipMagic(b1, b2);
        if (gzip && followed) {
            rawStream.close();
            throw new InputException(name + ": gzip data, which --follow cannot read as it grows (a compressed log is"
                    + " complete): analyse it without --follow");
        }
        InputStream decoded = buffered;
        if (gzip) {
            try {
                decoded = new WholeMembersGzipStream(buffered, 1 << 16);
            } catch (EOFException e) {
                throw new InputException(name + ": truncated gzip: the file ends inside its gzip header", e);
            } catch (ZipException e) {
                throw new InputException(name + ": corrupt gzip header (" + e.getMessage() + ")", e);
            }
        }
        try {
            decoded = withoutByteOrderMark(decoded);
        } catch (EOFException | ZipException e) {
            throw brokenGzip(name, 0, e);
        }
        this.raw = rawStream;
        this.followed = followed;
        this.info = new SourceInfo(name, size, mtime, gzip);
        this.reader = new LineBlockReader(name, decoded, counting::count, buffers, followed);
    }

    /**
     * The stream past a UTF-8 byte order mark, if it starts with one: editors on Windows and some
     * exporters write it, and glued to the first line's timestamp or address it made line 1
     * malformed in every format. Line numbers are unchanged; the mark is no line.
     */
    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        if (n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            return p;
        }
        if (n > 0) {
            p.unread(head, 0, n);
        }
        return p;
    }

    /** Gzip data that ends early or does not inflate, met after {@code line} lines were handed out. */
    private static InputException brokenGzip(String name, long line, IOException e) {
        return e instanceof EOFException
                ? new InputException(name + ": truncated gzip data after line " + line + " (the lines before were analysed)", e)
                : new InputException(name + ": corrupt gzip data after line " + line + " (" + e.getMessage()
                        + "; the lines before were analysed)", e);
    }

    public static StreamSource open(Path path) {
        return open(path, path.toString());
    }

    public static StreamSource open(Path path, String displayName) {
        return open(path, displayName, null);
    }

    /** @param buffers where its block buffers come from (see {@link BlockBuffers}), or null for new ones */
    public static StreamSource open(Path path, String displayName, BlockBuffers buffers) {
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(displayName + ": is a directory (give its files, or let Sources expand it)");
            }
            // A pipe or a device streams like standard input: its size on disk (0) is not its length,
            // and its time is not when its lines were written.
            boolean regular = Files.isRegularFile(path);
            long size = regular ? Files.size(path) : -1;
            long mtime = regular ? Files.getLastModifiedTime(path).toMillis() : System.currentTimeMillis();
            return new StreamSource(displayName, size, mtime, Files.newInputStream(path), buffers);
        } catch (IOException e) {
            throw cannotOpen(displayName, e);
        }
    }

    /** Why the file {@code name} could not be opened, as the report says it. */
    static InputException cannotOpen(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(name + ": permission denied", e);
        }
        return new InputException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }

    /** Why standard input could not be read at its start. */
    static InputException stdinUnreadable(IOException e) {
        return new InputException("-: standard input cannot be read (" + e.getMessage() + ")", e);
    }

    /** Whether two first bytes are gzip's magic, {@code 1f 8b}. */
    static boolean gzipMagic(int b1, int b2) {
        return b1 == 0x1f && b2 == 0x8b;
    }

    /**
     * A file read on as it grows, or standard input read until a stop ({@code analyze --follow}):
     * a {@link FollowedFile} or a {@link FollowedStream}. Its size is unknown (-1), as a pipe's:
     * what it holds at the start is not its length. A block goes out whenever the writer pauses, so
     * lines are analysed as they come rather than once a megabyte has gathered.
     *
     * @param mtime the file's modification time when opened (the year rule of syslog lines)
     */
    static StreamSource followed(String name, long mtime, InputStream followed, BlockBuffers buffers) throws IOException {
        return new StreamSource(name, -1, mtime, followed, buffers, true);
    }

    /** Standard input, named "-". Its lines take their year from today unless --year says otherwise. */
    public static StreamSource stdin(InputStream in) {
        return stdin(in, null);
    }

    /** Standard input, its block buffers from {@code buffers} (or new ones when null). */
    public static StreamSource stdin(InputStream in, BlockBuffers buffers) {
        try {
            return new StreamSource("-", -1, System.currentTimeMillis(), in, buffers);
        } catch (IOException e) {
            throw stdinUnreadable(e);
        }
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean growing() {
        return followed;
    }

    @Override
    public LineBlock next() throws IOException {
        LineBlock block;
        try {
            block = reader.next();
        } catch (EOFException | ZipException e) {
            throw brokenGzip(info.name(), lastLine, e);
        }
        if (block == null) {
            return null;
        }
        if (first) {
            first = false;
            int nul = TextProbe.binaryAt(block.bytes(), block.length());
            if (nul >= 0 && isJournalFile(block.bytes(), block.length())) {
                // /var/log/journal is where a machine without a syslog daemon keeps its auth log.
                throw new InputException(info.name() + ": a systemd journal file, which is binary; journalctl reads it:"
                        + " journalctl --file " + info.name() + " -o json | hotline analyze -");
            }
            if (nul >= 0) {
                throw new InputException(info.name() + ": binary data (NUL byte at offset " + nul
                        + "), not a text log; give Hotline log files, EVE/Zeek/Cowrie JSON or their .gz");
            }
        }
        lastLine = block.firstLine() + block.lineCount() - 1;
        return block;
    }

    /** journald's file signature, "LPKSHHRH", at the start of every .journal file. */
    private static boolean isJournalFile(byte[] b, int length) {
        byte[] magic = {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H'};
        return length >= magic.length && java.util.Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /**
     * Counts bytes taken from the underlying stream, so progress works for compressed input too;
     * and ends for good at its first end: a terminal's end of input (Ctrl-D) is not sticky, a read
     * after it waits for more typing, and the gzip probe and the block reader each read again, so
     * {@code hotline analyze -} at a terminal took three Ctrl-D to finish.
     */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;
        private boolean ended;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                count++;
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        /**
         * What can be read without blocking, or 0 when the stream cannot tell. A file channel's
         * stream answers from the file's size and position, and a named pipe has neither: it threw
         * "Illegal seek", from inside BufferedInputStream.read after it had copied the first 32 KiB,
         * so a FIFO or {@code <(zcat log.gz)} read as an empty input.
         */
        @Override
        public int available() {
            try {
                return super.available();
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
