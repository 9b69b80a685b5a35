package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockBuffersTest {

    /** Lines "n xxx…" of widths cycling through 1 to 299 bytes, so block ends fall mid-line everywhere. */
    private static String numberedLines(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append(i).append(' ').append("x".repeat(i % 300)).append('\n');
        }
        return sb.toString();
    }

    /** Reads every block, giving each buffer back before the next block is read, as a pipeline's workers do. */
    private static List<String> readGivingBack(byte[] input, BlockBuffers buffers, Set<byte[]> arrays) throws IOException {
        LineBlockReader reader = new LineBlockReader("t", new ByteArrayInputStream(input), () -> 0, buffers);
        List<String> out = new ArrayList<>();
        for (LineBlock b = reader.next(); b != null; b = reader.next()) {
            b.forEachLine(l -> out.add(l.number() + (l.truncated() ? "!" : ":") + l.text()));
            arrays.add(b.bytes());
            buffers.give(b);
        }
        return out;
    }

    @Test
    void reusedBuffersGiveTheSameLinesAsNewOnes() throws IOException {
        // ~6 MB: six blocks or more, each read into the buffer the block before gave back, whose
        // old bytes past the new block's end must never show up in a line.
        byte[] input = numberedLines(40_000).getBytes(StandardCharsets.US_ASCII);
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> pooled = readGivingBack(input, new BlockBuffers(2), arrays);

        List<String> expected = new ArrayList<>();
        LineBlockReader fresh = new LineBlockReader("t", new ByteArrayInputStream(input), () -> 0);
        for (LineBlock b = fresh.next(); b != null; b = fresh.next()) {
            b.forEachLine(l -> expected.add(l.number() + ":" + l.text()));
        }
        assertThat(expected).hasSize(40_000);
        assertThat(pooled).isEqualTo(expected);
        assertThat(arrays).as("one buffer went round and round").hasSize(1);
    }

    @Test
    void aBlockBehindAnOverLongLineGetsABufferBigEnough() throws IOException {
        // A line longer than a whole buffer is cut; the lines after it still come whole.
        String longLine = "y".repeat(3 * LineBlockReader.MAX_LINE_BYTES);
        byte[] input = (numberedLines(3) + longLine + "\n" + numberedLines(5000)).getBytes(StandardCharsets.US_ASCII);
        BlockBuffers buffers = new BlockBuffers(4);
        List<String> lines = readGivingBack(input, buffers, Collections.newSetFromMap(new IdentityHashMap<>()));

        assertThat(lines).hasSize(3 + 1 + 5000);
        assertThat(lines.get(3)).startsWith("4!yyy").hasSize("4!".length() + LineBlockReader.MAX_LINE_BYTES);
        assertThat(lines.get(4)).isEqualTo("5:1 x");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("5004:5000 " + "x".repeat(5000 % 300));
        assertThat(buffers.free()).isBetween(1, 4);
    }

    @Test
    void aFullPoolDropsWhatIsGivenBack() {
        BlockBuffers buffers = new BlockBuffers(1);
        byte[] a = buffers.take(10);
        byte[] b = buffers.take(10);
        assertThat(a).isNotSameAs(b).hasSize(BlockBuffers.BUFFER_BYTES);
        buffers.give(LineBlock.of("t", a, 0, 1, 0, -1));
        buffers.give(LineBlock.of("t", b, 0, 1, 0, -1));
        assertThat(buffers.free()).isEqualTo(1);
        assertThat(buffers.take(10)).isSameAs(a);
        assertThat(buffers.take(BlockBuffers.BUFFER_BYTES + 1)).as("too small: a new one").hasSize(BlockBuffers.BUFFER_BYTES + 1);
    }
}
