package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a block where another input's lines are due: the pieces hold the same lines, numbered alike. */
class LineBlockTest {

    @Test
    void slicesHoldTheLinesOfTheWholeNumberedAlike() {
        byte[] bytes = "one\r\ntwo\n\nfour\nfive".getBytes(StandardCharsets.US_ASCII);
        LineBlock block = LineBlock.of("a.log", bytes, bytes.length, 41, 999, 3);
        assertThat(block.lineCount()).isEqualTo(5);
        int[] starts = block.lineStarts();
        assertThat(starts).containsExactly(0, 5, 9, 10, 15, 20);

        for (int cut = 1; cut < 5; cut++) {
            List<String> joined = new ArrayList<>(lines(block.slice(0, cut, starts)));
            joined.addAll(lines(block.slice(cut, 5, starts)));
            assertThat(joined).as("cut after %d", cut).isEqualTo(lines(block));
            assertThat(block.slice(cut, 5, starts).firstLine()).isEqualTo(41 + cut);
        }
        assertThat(lines(block.slice(1, 3, starts))).containsExactly("42:two", "43:");
        // The truncated line (index 3, "four") stays marked in whichever piece holds it.
        assertThat(truncated(block.slice(2, 5, starts))).containsExactly("four");
        assertThat(truncated(block.slice(3, 4, starts))).containsExactly("four");
        assertThat(truncated(block.slice(0, 3, starts))).isEmpty();
        assertThat(truncated(block.slice(4, 5, starts))).isEmpty();
        assertThatThrownBy(() -> block.slice(2, 2, starts)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> block.slice(0, 6, starts)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blocksJoinedBackAreTheWholeWithItsNumbersAndItsCutLine() {
        byte[] bytes = "one\r\ntwo\n\nfour\nfive".getBytes(StandardCharsets.US_ASCII);
        LineBlock block = LineBlock.of("a.log", bytes, bytes.length, 41, 999, 3);
        int[] starts = block.lineStarts();
        for (int cut = 1; cut < 5; cut++) {
            LineBlock joined = LineBlock.join(List.of(block.slice(0, cut, starts), block.slice(cut, 5, starts)));
            assertThat(lines(joined)).as("cut after %d", cut).isEqualTo(lines(block));
            assertThat(truncated(joined)).containsExactly("four");
            assertThat(joined.firstLine()).isEqualTo(41);
            assertThat(joined.length()).isEqualTo(bytes.length);
        }
        LineBlock copy = LineBlock.join(List.of(block));
        assertThat(copy.bytes()).isNotSameAs(bytes).hasSize(bytes.length);
        assertThat(lines(copy)).isEqualTo(lines(block));
        // Blocks that do not follow on from each other are not one run of lines.
        assertThatThrownBy(() -> LineBlock.join(List.of(block.slice(0, 1, starts), block.slice(2, 5, starts))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> lines(LineBlock block) {
        List<String> lines = new ArrayList<>();
        block.forEachLine(line -> lines.add(line.number() + ":" + line.text()));
        return lines;
    }

    private static List<String> truncated(LineBlock block) {
        List<String> lines = new ArrayList<>();
        block.forEachLine(line -> {
            if (line.truncated()) {
                lines.add(line.text());
            }
        });
        return lines;
    }
}
