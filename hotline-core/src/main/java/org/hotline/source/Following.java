package org.hotline.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hotline.InputException;

/**
 * Opens the one input of {@code analyze --follow} as a {@link FollowedFile}, and afterwards says
 * what following it meant for the report: how long, why it stopped, and where a rotation or a
 * truncation began a new file under the same name (line numbers run on across them).
 *
 * <p>Standard input too ({@code journalctl -f -o json | hotline analyze --follow -}): it is read until
 * it ends or the stop comes, whichever is first ({@link FollowedStream}).
 *
 * <p>One input only: the pipeline reads its inputs one after another (or merged by time), and an
 * input being followed has no end for the next one to start at.
 */
public final class Following implements SourceOpener {
    private final FollowStop stop;
    private final long pollMillis;
    private final Consumer<String> opened;
    private FollowedFile file;
    /** Standard input, when that is what is followed. */
    private FollowedStream stream;
    private String name;
    private final long startNanos;
    private long endNanos;

    /** @param opened told the input's name once it is open and being followed (the CLI says so on stderr) */
    public Following(FollowStop stop, Consumer<String> opened) {
        this(stop, FollowedFile.POLL_MILLIS, opened);
    }

    /** With another polling interval, for tests. */
    public Following(FollowStop stop, long pollMillis) {
        this(stop, pollMillis, name -> { });
    }

    private Following(FollowStop stop, long pollMillis, Consumer<String> opened) {
        this.stop = stop;
        this.pollMillis = pollMillis;
        this.opened = opened;
        // From here, like the stop's time limit: "followed for 1h" under --follow-for 1h.
        this.startNanos = System.nanoTime();
    }

    @Override
    public Source open(Sources.Input input, InputStream stdin, BlockBuffers buffers) {
        if (input.problem() != null) {
            throw new InputException(input.name() + ": " + input.problem());
        }
        if (file != null || stream != null) {
            throw new InputException(input.name() + ": --follow reads one file (run one hotline for each log to follow)");
        }
        if (input.isStdin()) {
            name = input.name();
            stream = FollowedStream.of(stdin, stop, pollMillis);
            opened.accept(name);
            try {
                return StreamSource.followed(name, System.currentTimeMillis(), stream, buffers);
            } catch (IOException e) {
                throw StreamSource.stdinUnreadable(e);
            }
        }
        if (!Files.isRegularFile(input.path())) {
            throw new InputException(input.name() + ": --follow reads a regular file as it grows, and this is not one");
        }
        try {
            long mtime = Files.getLastModifiedTime(input.path()).toMillis();
            file = FollowedFile.open(input.path(), stop, pollMillis);
            name = input.name();
            // Said now: making the source reads its first bytes, which an empty log has yet to get.
            if (!gzip(input.path())) {
                opened.accept(input.name());
            }
            return StreamSource.followed(input.name(), mtime, file, buffers);
        } catch (IOException e) {
            throw StreamSource.cannotOpen(input.name(), e);
        }
    }

    /** Whether the file starts as gzip data does (the source refuses it, with the reason). */
    private static boolean gzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return StreamSource.gzipMagic(in.read(), in.read());
        }
    }

    /** The followed input's name, or null if none was opened. */
    public String name() {
        return name;
    }

    /** Whether the followed file was rotated or truncated: its line numbers then run on across files. */
    public boolean restarted() {
        return file != null && (!file.rotations().isEmpty() || !file.truncations().isEmpty());
    }

    /** The stop this follower obeys. */
    public FollowStop stop() {
        return stop;
    }

    /** Marks the end of the run: the time followed is measured up to here. */
    public void finished() {
        if (endNanos == 0) {
            endNanos = System.nanoTime();
        }
    }

    /**
     * What the report must say about the followed input, or null if none was opened: e.g. "input
     * access.log: followed for 12m 3s, until Ctrl-C (SIGINT): lines written after that are not in this
     * report; rotated at line 40,213 (the lines from there on are the new file's)".
     */
    public String statement() {
        if (file == null && stream == null) {
            return null;
        }
        finished();
        long seconds = Math.max(0, Math.round((endNanos - startNanos) / 1e9));
        if (stream != null) {
            // Ctrl-C at a terminal reaches the writer too (journalctl ends, and with it the input): the stop is the reason.
            return "input " + name + ": followed for " + duration(seconds) + ", until "
                    + (stop.reason() != null ? stop.reason() + ": lines sent after that are not in this report"
                    : stream.endedByItself() ? "it ended" : "reading it failed");
        }
        // Without a stop, following ended because reading failed: the report's input section says why.
        String why = stop.reason() == null ? "reading it failed" : stop.reason();
        StringBuilder s = new StringBuilder("input " + name + ": followed for " + duration(seconds) + ", until " + why
                + ": lines written after that are not in this report");
        List<String> restarts = new ArrayList<>();
        if (!file.rotations().isEmpty()) {
            restarts.add("replaced by a new file (rotated) at line" + (file.rotations().size() > 1 ? "s " : " ")
                    + numbers(file.rotations()));
        }
        if (!file.truncations().isEmpty()) {
            restarts.add("truncated and read again from its start at line" + (file.truncations().size() > 1 ? "s " : " ")
                    + numbers(file.truncations()));
        }
        if (file.replacementUnreadable()) {
            s.append("; a new file under its name could not be read (permission denied), so only the old one was read on");
        }
        if (!restarts.isEmpty()) {
            s.append("; it was ").append(String.join(", and ", restarts))
                    .append(": line numbers run on across them, so a line from there on is in the file the name held then");
        }
        return s.toString();
    }

    private static String numbers(List<Long> lines) {
        return lines.stream().map(n -> String.format(java.util.Locale.ROOT, "%,d", n)).collect(Collectors.joining(", "));
    }

    private static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? h + "h " + m + "m " + s + "s" : m > 0 ? m + "m " + s + "s" : s + "s";
    }
}
