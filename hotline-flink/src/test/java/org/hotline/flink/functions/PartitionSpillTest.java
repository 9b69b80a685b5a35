package org.hotline.flink.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partition's records as lines of a file, and the way back from line numbers to offsets. */
class PartitionSpillTest {
    @TempDir
    Path temp;

    @Test
    void positionsAreOffsetsPlusOneAcrossGaps() throws Exception {
        try (PartitionSpill spill = new PartitionSpill("kafka:t/3", temp.resolve("t-3.lines"))) {
            // A partition read from offset 5, with a gap (compaction, a transaction marker) after 7.
            for (long offset : new long[] {5, 6, 7, 10, 11}) {
                spill.append(offset, 1_000L * offset, "record " + offset);
            }
            Sources.Input input = spill.finish();

            assertThat(input.name()).isEqualTo("kafka:t/3");
            assertThat(Files.readAllLines(input.path())).containsExactly("record 5", "record 6", "record 7", "record 10",
                    "record 11");
            assertThat(List.of(1L, 2L, 3L, 4L, 5L).stream().map(spill::line)).containsExactly(6L, 7L, 8L, 11L, 12L);
            // The file's time is the newest record's: the year of year-less syslog lines comes from it.
            assertThat(Files.getLastModifiedTime(input.path()).toMillis()).isEqualTo(11_000L);
        }
    }

    @Test
    void aRecordIsOneLineWhateverItHolds() {
        assertThat(PartitionSpill.oneLine("a line\n")).isEqualTo("a line");
        assertThat(PartitionSpill.oneLine("a line\r\n")).isEqualTo("a line");
        assertThat(PartitionSpill.oneLine("{\n  \"a\": 1\r\n}")).isEqualTo("{   \"a\": 1 }");
        assertThat(PartitionSpill.oneLine("nul\0here")).isEqualTo("nul\uFFFDhere");
        assertThat(PartitionSpill.oneLine("")).isEmpty();
    }
}
