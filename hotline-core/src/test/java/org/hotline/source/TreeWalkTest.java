package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWalkTest {
    @TempDir
    Path dir;

    /**
     * A directory that cannot be listed is an input that failed, and the walk goes on beside it. As
     * root (CI) no permission keeps a directory from being listed, so the failure here is another
     * real one on the same path, that a log directory sees when rotation or a clean-up job runs
     * beside the analysis: the directory is removed after its parent was listed, before it is
     * opened. Opening it then fails as opening an unreadable one does (see SourcesTest for that).
     */
    @Test
    void aDirectoryThatCannotBeListedIsAFailedInputAndTheWalkGoesOn() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path a = Files.writeString(logs.resolve("a.log"), "x\n");
        Path b = Files.createDirectories(logs.resolve("b"));
        Files.writeString(b.resolve("x.log"), "x\n");
        Path c = Files.writeString(logs.resolve("c.log"), "x\n");

        WalkedInputs inputs = new WalkedInputs(null);
        TreeWalk.walk(logs, Sources.DIRECTORY, new TreeWalk.Found() {
            @Override
            public void file(Path file) {
                if (file.equals(a)) {
                    deleteTree(b);   // a.log comes first: the walk goes depth first, in name order
                }
                inputs.file(file);
            }

            @Override
            public void failed(Path path, String problem) {
                inputs.failed(path, problem);
            }
        });

        assertThat(inputs.inputs(logs.toString(), logs, "nothing")).containsExactly(
                new Sources.Input(a.toString(), a, null),
                new Sources.Input(b.toString(), b, "cannot list directory (no such file or directory)"),
                new Sources.Input(c.toString(), c, null));
    }

    static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
