package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.source.SourceInfo;
import org.junit.jupiter.api.Test;

/** A followed log's progress catches up once its lines stop coming, though the shown progress is rate-limited. */
class TrailingProgressTest {
    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theLastBlockOfABurstIsShownOnceTheLogIsQuiet() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SourceInfo log = new SourceInfo("access.log", -1, 0, false);
        try (TrailingProgress progress = new TrailingProgress(new JsonProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8)))) {
            progress.progress(log, 1000, 10);
            progress.progress(log, 2000, 20);   // within a quarter second: JsonProgress holds it back
            assertThat(lines(bytes)).hasSize(1);

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines(bytes).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(3 * TrailingProgress.CATCH_UP_MILLIS);
        }
        List<String> shown = lines(bytes);
        assertThat(shown.get(0)).contains("\"linesRead\":10,");
        // Caught up once, with the lines read so far, and not again while nothing comes.
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).contains("\"bytesRead\":2000,").contains("\"linesRead\":20,").contains("\"linesReadAll\":20}");
    }
}
