package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.channel.HistoryCheck;
import org.hotline.channel.Message;
import org.hotline.channel.port.Outbox.Delivery;
import org.slf4j.LoggerFactory;

/**
 * A child JVM running {@link AppendUntilKilled} on the test's own class path, and what it acknowledged
 * on its standard output before it died. Reading continues after the kill until the pipe is empty:
 * a line already written was acknowledged, whether or not the test had read it yet.
 */
final class AppenderProcess {
    private final Process process;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();

    private AppenderProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "appender-stdout");
        reader.start();
    }

    static AppenderProcess start(String jdbcUrl, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(), jdbcUrl);
        builder.redirectError(stderr.toFile());
        return new AppenderProcess(builder.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code count} appends were acknowledged (fails if the child dies first). */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged().size() < count) {
            assertThat(process.isAlive()).as("the appender died early; see its stderr").isTrue();
            assertThat(Instant.now()).as("%d appends within %s", count, timeout).isBefore(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * kill -9 (SIGKILL on Unix); returns the exit status. Through the process handle, not
     * {@code Process.destroyForcibly}: that also closes the child's output stream on this side, and
     * acknowledgements still in the pipe were lost to the reader (1 run in 5 failed with two more
     * messages stored than acknowledged, and the reader thread died of "Stream closed").
     */
    int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the child to die on its own (its database went away), killing it after {@code patience}. */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.toHandle().destroyForcibly();
        }
        int status = process.waitFor();
        reader.join();
        return status;
    }

    String concernId() {
        return header()[1];
    }

    /** The acknowledged message ids, in the order they were appended. */
    List<String> acknowledged() {
        synchronized (lines) {
            return lines.size() < 2 ? List.of() : List.copyOf(lines.subList(1, lines.size()));
        }
    }

    private String[] header() {
        synchronized (lines) {
            return lines.get(0).split(" ");
        }
    }

    /**
     * Every acknowledged message is stored, in order, with its outbox entry, and the stored chain
     * verifies; at most one more message (committed, killed before it printed) follows them.
     */
    void assertEverythingAcknowledgedIsIn(NodeDatabase db) {
        List<String> acknowledged = acknowledged();
        List<Message> history = db.concerns().history(concernId());
        List<String> stored = history.stream().map(Message::id).toList();
        assertThat(stored.size()).as("stored vs acknowledged").isBetween(acknowledged.size(), acknowledged.size() + 1);
        assertThat(stored.subList(0, acknowledged.size())).containsExactlyElementsOf(acknowledged);
        assertThat(HistoryCheck.problems(history, Map.of(header()[2], header()[3]))).isEmpty();
        List<String> queued = new ArrayList<>();
        for (Delivery d : db.outbox().due(Instant.parse("9999-01-01T00:00:00Z"), 1_000_000)) {
            if (d.concernId().equals(concernId())) {
                queued.add(d.messageId());
            }
        }
        assertThat(queued).containsExactlyElementsOf(stored);
        LoggerFactory.getLogger(AppenderProcess.class).info("{}: {} appends acknowledged before the kill, {} stored",
                concernId(), acknowledged.size(), stored.size());
    }
}
