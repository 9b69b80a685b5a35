package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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

    /**
     * A directory that can be listed but not searched (r--) names its files, which cannot be
     * examined: each is an input that failed, in name order with the rest (the directory's own
     * order is its file system's: on ext4 a hash of the name). Root examines anything, so this runs
     * only for other users.
     */
    @Test
    void entriesThatCannotBeExaminedAreFailedInputsInNameOrder() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path half = Files.createDirectories(logs.resolve("half"));
        List<Path> names = List.of(half.resolve("a.log"), half.resolve("b.log"), half.resolve("c.log"), half.resolve("m.log"));
        for (Path name : names) {
            Files.writeString(name, "x\n");
        }
        Path z = Files.writeString(logs.resolve("z.log"), "x\n");
        Files.setPosixFilePermissions(half, PosixFilePermissions.fromString("r--------"));
        try {
            assumeFalse(Files.isReadable(names.get(0)), "root examines anything");

            assertThat(Sources.expand(List.of(logs.toString()))).containsExactly(
                    new Sources.Input(names.get(0).toString(), names.get(0), "permission denied"),
                    new Sources.Input(names.get(1).toString(), names.get(1), "permission denied"),
                    new Sources.Input(names.get(2).toString(), names.get(2), "permission denied"),
                    new Sources.Input(names.get(3).toString(), names.get(3), "permission denied"),
                    new Sources.Input(z.toString(), z, null));
        } finally {
            Files.setPosixFilePermissions(half, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Links to directories are followed, by a directory argument and by a pattern: they were skipped in silence. */
    @Test
    void linksToDirectoriesAreFollowed() throws IOException {
        Path d3 = Files.createDirectories(dir.resolve("d3"));
        Path auth = Files.writeString(d3.resolve("auth.log"), "x\n");
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("access.log"), "x\n");
        Path nginx = Files.createSymbolicLink(d3.resolve("nginx"), real);

        assertThat(Sources.expand(List.of(d3.toString()))).extracting(Sources.Input::path)
                .containsExactly(auth, nginx.resolve("access.log"));
        assertThat(Sources.expand(List.of(d3 + "/*/*.log"))).extracting(Sources.Input::path)
                .containsExactly(nginx.resolve("access.log"));
    }

    /**
     * A link back up ends the walk there, and a file reached by two names is read once. A directory
     * walk and a {@code **} pattern never enter a directory below itself (they would never end); a
     * pattern of fixed depth ends anyway, and matches through the link as the shell's glob does
     * (three names deep below d, both list d/again/up/a.log).
     */
    @Test
    void aLinkBackUpEndsTheWalkAndAFileReachedTwiceIsReadOnce() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path a = Files.writeString(d.resolve("a.log"), "x\n");
        Path sub = Files.createDirectories(d.resolve("sub"));
        Files.writeString(sub.resolve("b.log"), "x\n");
        Files.createSymbolicLink(sub.resolve("up"), d);
        Path again = Files.createSymbolicLink(d.resolve("again"), sub);

        Sources.Once walked = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Sources.once(Sources.expand(List.of(d.toString()))));
        assertThat(walked.inputs()).extracting(Sources.Input::path).containsExactly(a, again.resolve("b.log"));
        assertThat(walked.repeats()).containsExactly(sub.resolve("b.log") + " is the same file as " + again.resolve("b.log")
                + ": read once");

        Sources.Once anyDepth = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Sources.once(Sources.expand(List.of(d + "/**.log"))));
        assertThat(anyDepth.inputs()).extracting(Sources.Input::path).containsExactly(a, again.resolve("b.log"));

        assertThat(Sources.once(Sources.expand(List.of(d + "/*/*/*.log"))).inputs()).extracting(Sources.Input::path)
                .containsExactly(again.resolve("up/a.log"));
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
