package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StreamSourceTest {
    @TempDir
    Path dir;

    /** Reads every line of a source as text with its number, the way workers see them. */
    private static List<String> lines(Source source) throws IOException {
        List<String> out = new ArrayList<>();
        for (LineBlock b = source.next(); b != null; b = source.next()) {
            b.forEachLine(l -> out.add(l.number() + (l.truncated() ? "!" : ":") + l.text()));
        }
        return out;
    }

    private static byte[] numberedLines(int count, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String n = Integer.toString(i);
            sb.append(n).append(" ").append("x".repeat(Math.max(0, width - n.length() - 1))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void numbersLinesContinuouslyAcrossBlocks() throws IOException {
        // 40,000 lines of 100 bytes = 4 MB: several 1 MiB blocks, lines cut at block ends.
        Path file = Files.write(dir.resolve("big.log"), numberedLines(40_000, 99));
        List<String> lines;
        try (Source s = StreamSource.open(file)) {
            lines = lines(s);
        }
        assertThat(lines).hasSize(40_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith((i + 1) + ":" + (i + 1) + " ");
        }
    }

    @Test
    void stripsCrLfAndKeepsAFinalLineWithoutNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("crlf.log"), "a\r\nb\n\nc");
        try (Source s = StreamSource.open(file)) {
            assertThat(lines(s)).containsExactly("1:a", "2:b", "3:", "4:c");
        }
    }

    @Test
    void readsGzipByMagicBytesNotByName() throws IOException {
        byte[] plain = numberedLines(5_000, 60);
        Path file = Files.write(dir.resolve("rotated.log.1"), gzip(plain));
        try (Source s = StreamSource.open(file)) {
            assertThat(s.info().compressed()).isTrue();
            List<String> lines = lines(s);
            assertThat(lines).hasSize(5_000);
            assertThat(lines.get(4_999)).startsWith("5000:5000 ");
        }
    }

    @Test
    void truncatedGzipNamesTheFileAfterReturningWhatWasRead() throws IOException {
        byte[] full = gzip(numberedLines(100_000, 80));
        Path file = Files.write(dir.resolve("cut.log.gz"), Arrays.copyOf(full, full.length / 2));
        List<String> got = new ArrayList<>();
        try (Source s = StreamSource.open(file)) {
            assertThatThrownBy(() -> {
                for (LineBlock b = s.next(); b != null; b = s.next()) {
                    b.forEachLine(l -> got.add(l.text()));
                }
            }).isInstanceOf(InputException.class)
                    .hasMessageContaining("cut.log.gz")
                    .hasMessageContaining("truncated gzip data after line " + got.size());
        }
        assertThat(got).isNotEmpty();
    }

    @Test
    void truncatedGzipInsideTheFirstBlockStillGivesItsCompleteLines() throws IOException {
        // Small enough that the cut falls before the reader's first 1 MiB block is full.
        byte[] full = gzip(numberedLines(3_000, 80));
        Path file = Files.write(dir.resolve("small-cut.log.gz"), Arrays.copyOf(full, full.length * 2 / 3));
        List<String> got = new ArrayList<>();
        try (Source s = StreamSource.open(file)) {
            assertThatThrownBy(() -> {
                for (LineBlock b = s.next(); b != null; b = s.next()) {
                    b.forEachLine(l -> got.add(l.text()));
                }
            }).isInstanceOf(InputException.class).hasMessageContaining("truncated gzip data after line " + got.size());
        }
        assertThat(got).hasSizeGreaterThan(1_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).as("every line handed out is whole").hasSize(80).startsWith((i + 1) + " ");
        }
    }

    /**
     * A terminal's end of input (Ctrl-D) is not sticky: a read after it waits for more typing. So
     * `hotline analyze -` at a terminal with nothing typed took three Ctrl-D to finish (the gzip
     * probe read twice, then the block reader). The source stops at the first end of input.
     */
    @Test
    void standardInputEndsAtTheFirstEndOfInputAsATerminalGivesIt() throws IOException {
        assertThat(lines(StreamSource.stdin(terminal(null, "typed after Ctrl-D\n", null)))).isEmpty();
        assertThat(lines(StreamSource.stdin(terminal("first line\n", null, "typed after Ctrl-D\n", null))))
                .containsExactly("1:first line");
    }

    /** A terminal that gives what was typed line by line; null is a Ctrl-D. It fails a read past its script. */
    private static InputStream terminal(String... typed) {
        return new InputStream() {
            private int part;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (part >= typed.length) {
                    throw new AssertionError("read again after the last Ctrl-D");
                }
                String chunk = typed[part++];
                if (chunk == null) {
                    return -1;
                }
                byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, b, off, bytes.length);
                return bytes.length;
            }
        };
    }

    @Test
    void aSystemdJournalFileIsNamedWithTheCommandThatReadsIt() throws IOException {
        // A .journal file begins "LPKSHHRH" and binary flags (as systemd-journal-remote 252 wrote one here).
        byte[] head = {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H', 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        Path file = Files.write(dir.resolve("system.journal"), head);
        try (Source s = StreamSource.open(file)) {
            assertThatThrownBy(s::next).isInstanceOf(InputException.class)
                    .hasMessageContaining("system.journal: a systemd journal file, which is binary; journalctl reads it:")
                    .hasMessageEndingWith("-o json | hotline analyze -");
        }
    }

    @Test
    void binaryFileIsAClearError() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("picture.png"), png);
        try (Source s = StreamSource.open(file)) {
            assertThatThrownBy(s::next).isInstanceOf(InputException.class)
                    .hasMessageContaining("picture.png: binary data (NUL byte at offset 8)");
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        Path file = Files.write(dir.resolve("bom.log"), "\uFEFFfirst\nsecond\n".getBytes(StandardCharsets.UTF_8));
        try (Source s = StreamSource.open(file)) {
            List<String> lines = new ArrayList<>();
            s.next().forEachLine(line -> lines.add(line.text()));
            assertThat(lines).containsExactly("first", "second");
        }
        Path gz = Files.write(dir.resolve("bom.log.gz"), gzip("\uFEFFonly\n".getBytes(StandardCharsets.UTF_8)));
        try (Source s = StreamSource.open(gz)) {
            assertThat(s.next().lineCount()).isEqualTo(1);
        }
        Path tiny = Files.writeString(dir.resolve("tiny.log"), "x\n");   // shorter than a mark: nothing lost
        try (Source s = StreamSource.open(tiny)) {
            List<String> lines = new ArrayList<>();
            s.next().forEachLine(line -> lines.add(line.text()));
            assertThat(lines).containsExactly("x");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)   // without the check it never ends
    void anEndlessRunOfZerosIsRefusedAtItsStart() throws IOException {
        // /dev/zero has no end and no line break: the reader used to look for the end of its first "line".
        Path zero = Path.of("/dev/zero");
        try (Source s = StreamSource.open(zero)) {
            assertThatThrownBy(s::next).isInstanceOf(InputException.class)
                    .hasMessageContaining("/dev/zero: binary data (NUL byte at offset 0)");
        }
    }

    @Test
    void aNamedPipeHasNoSizeAndTheTimeOfReading() throws Exception {
        Path fifo = dir.resolve("feed");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "a line\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        long before = System.currentTimeMillis();
        try (Source s = StreamSource.open(fifo)) {
            assertThat(s.info().size()).isEqualTo(-1);   // it was 0: the report said "0 bytes" for a pipe
            assertThat(s.info().lastModified()).isGreaterThanOrEqualTo(before);
            assertThat(s.next().lineCount()).isEqualTo(1);
        }
        writer.join();
    }

    @Test
    void aLastGzipMemberCutInsideItsHeaderIsAnErrorAfterTheLinesBefore() throws IOException {
        // What (gzip -c a; gzip -c b | head -c 10) > m.gz makes: a whole member, then the first 10 bytes
        // of the next. The JDK's stream ended at the whole member as if nothing followed.
        byte[] whole = gzip("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        byte[] next = gzip("three\n".getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length + 10);
        System.arraycopy(next, 0, cut, whole.length, 10);
        Path file = Files.write(dir.resolve("m.gz"), cut);
        List<String> lines = new ArrayList<>();
        try (Source s = StreamSource.open(file)) {
            assertThatThrownBy(() -> {
                for (LineBlock b = s.next(); b != null; b = s.next()) {
                    b.forEachLine(line -> lines.add(line.text()));
                }
            }).isInstanceOf(InputException.class)
                    .hasMessageContaining("m.gz: corrupt gzip data after line 2 (10 bytes after the last complete gzip"
                            + " member are not a whole member: the file is cut");
        }
        assertThat(lines).containsExactly("one", "two");
        // Zeros after the last member are padding (tar pads so), as gzip itself allows: no error.
        Path padded = Files.write(dir.resolve("padded.gz"), Arrays.copyOf(whole, whole.length + 512));
        try (Source s = StreamSource.open(padded)) {
            assertThat(s.next().lineCount()).isEqualTo(2);
            assertThat(s.next()).isNull();
        }
    }

    @Test
    void aGzipCutInsideItsHeaderSaysSo() throws IOException {
        // The first 5 bytes of a gzip file: the magic, the method, the flags, and then nothing. The JDK's
        // EOFException has no message, which the error used to print as "(null)".
        Path file = Files.write(dir.resolve("cut.log.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        assertThatThrownBy(() -> StreamSource.open(file).close()).isInstanceOf(InputException.class)
                .hasMessage(file + ": truncated gzip: the file ends inside its gzip header");
    }

    @Test
    void aRunOfNulsLeftByACrashIsOneBadLineNotABinaryFile() throws IOException {
        // What a power cut leaves in a syslog file: the space of the lost writes, zeros, then the next
        // line written after the reboot.
        String line = "Mar  5 10:00:01 web1 sshd[1]: Failed password for root from 45.33.32.156 port 40001 ssh2\n";
        byte[] log = (line + "\0".repeat(4096) + line + line).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("auth.log"), log);
        try (Source s = StreamSource.open(file)) {
            LineBlock block = s.next();
            assertThat(block.lineCount()).isEqualTo(3);
        }
        // Many runs of zeros between the text: a database or an executable, whatever its name.
        StringBuilder scattered = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            scattered.append("table_").append(i).append("\0\0\0\u0001\u0002");
        }
        Path db = Files.writeString(dir.resolve("state.log"), scattered + "\n");
        try (Source s = StreamSource.open(db)) {
            assertThatThrownBy(s::next).isInstanceOf(InputException.class)
                    .hasMessageContaining("state.log: binary data (NUL byte at offset 7)");
        }
    }

    @Test
    void overLongLineIsCutFlaggedAndTheNextLinesSurvive() throws IOException {
        String huge = "y".repeat(5 * LineBlockReader.MAX_LINE_BYTES);
        Path file = Files.writeString(dir.resolve("long.log"), "first\n" + huge + "\nthird\nfourth\n");
        try (Source s = StreamSource.open(file)) {
            List<String> lines = lines(s);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("1:first");
            assertThat(lines.get(1)).startsWith("2!").hasSize(2 + LineBlockReader.MAX_LINE_BYTES);
            assertThat(lines.subList(2, 4)).containsExactly("3:third", "4:fourth");
        }
    }

    /**
     * A line of 1.2 megabytes that starts in the middle of a block: its start is carried
     * into the next block's buffer, where it fitted whole and was handed out uncut, unlike the same
     * line at the start of a block (found by review: cut under --follow, whole without it).
     */
    @Test
    void overLongLineStartingMidBlockIsCutAlike() throws IOException {
        String huge = "z".repeat(LineBlockReader.MAX_LINE_BYTES + LineBlockReader.MAX_LINE_BYTES / 5);
        String head = "h".repeat(LineBlockReader.BLOCK_BYTES / 2);
        Path file = Files.writeString(dir.resolve("mid.log"), head + "\n" + huge + "\nafter\nlast\n");
        try (Source s = StreamSource.open(file)) {
            List<String> lines = lines(s);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("1:" + head);
            assertThat(lines.get(1)).startsWith("2!z").hasSize(2 + LineBlockReader.MAX_LINE_BYTES);
            assertThat(lines.subList(2, 4)).containsExactly("3:after", "4:last");
        }
    }

    @Test
    void missingFileNamesIt() {
        assertThatThrownBy(() -> StreamSource.open(dir.resolve("nope.log")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("nope.log: no such file");
    }

    @Test
    void stdinIsNamedDashAndMayBeGzip() throws IOException {
        try (Source s = StreamSource.stdin(new ByteArrayInputStream(gzip("one\ntwo\n".getBytes(StandardCharsets.UTF_8))))) {
            assertThat(s.info().name()).isEqualTo("-");
            assertThat(lines(s)).containsExactly("1:one", "2:two");
        }
    }

    @Test
    void emptyInputHasNoBlocks() throws IOException {
        Path file = Files.write(dir.resolve("empty.log"), new byte[0]);
        try (Source s = StreamSource.open(file)) {
            assertThat(s.next()).isNull();
        }
    }

    @Test
    void aNamedPipeIsReadWhole() throws Exception {
        // What `hotline analyze <(zcat old.log.gz)` and a FIFO give: a path with no size. It read as an
        // empty input (the stream's available() threw "Illegal seek" after the first 32 KiB arrived).
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        byte[] data = numberedLines(100_000, 40);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        try (Source s = StreamSource.open(fifo)) {
            List<String> read = lines(s);
            assertThat(read).hasSize(100_000);
            assertThat(read.get(99_999)).startsWith("100000:100000 ");
        }
        writer.join();
    }

    @Test
    void aReadThatFailsBeforeTheFirstByteIsAnErrorNotAnEmptyInput() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        LineBlockReader reader = new LineBlockReader("broken.log", broken, () -> 0);
        assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("device gone");
    }
}
