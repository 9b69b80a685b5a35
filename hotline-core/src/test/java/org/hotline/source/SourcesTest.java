package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @TempDir
    Path dir;

    @Test
    void expandsDirectoriesGlobsStdinAndReportsWhatMatchesNothing() throws IOException {
        Files.createDirectories(dir.resolve("logs/old"));
        Files.writeString(dir.resolve("logs/b.log"), "x\n");
        Files.writeString(dir.resolve("logs/a.log"), "x\n");
        Files.writeString(dir.resolve("logs/old/c.log.gz"), "x\n");
        Files.writeString(dir.resolve("logs/.hidden"), "x\n");

        List<Sources.Input> inputs = Sources.expand(List.of(
                dir.resolve("logs").toString(),
                dir.resolve("logs") + "/*.log",
                "-",
                dir.resolve("missing.log").toString(),
                dir.resolve("logs") + "/*.nothing"));

        assertThat(inputs).extracting(i -> dir.relativize(i.path() == null ? dir.resolve("STDIN") : i.path()).toString())
                .containsExactly("logs/a.log", "logs/b.log", "logs/old/c.log.gz", "logs/a.log", "logs/b.log",
                        "STDIN", "missing.log", "logs/*.nothing");
        assertThat(inputs.get(5).isStdin()).isTrue();
        assertThat(inputs.get(6).problem()).isEqualTo("no such file");
        assertThat(inputs.get(7).problem()).isEqualTo("no file matches this pattern");
    }

    @Test
    void eachFileIsReadOnceHoweverItIsNamed() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path a = Files.writeString(logs.resolve("a.log"), "x\n");
        Path b = Files.writeString(logs.resolve("b.log"), "y\n");
        Path linked = Files.createSymbolicLink(dir.resolve("latest.log"), a);
        Path hard = Files.createLink(dir.resolve("hard.log"), b);
        Path sameContent = Files.writeString(dir.resolve("copy.log"), "x\n");   // another file, however alike

        Sources.Once once = Sources.once(Sources.expand(List.of(logs.toString(), a.toString(), "-", linked.toString(),
                hard.toString(), "-", sameContent.toString(), dir.resolve("missing.log").toString(),
                dir.resolve("missing.log").toString())));

        assertThat(once.inputs()).extracting(Sources.Input::name).containsExactly(a.toString(), b.toString(), "-",
                sameContent.toString(), dir.resolve("missing.log").toString());
        assertThat(once.repeats()).containsExactly(
                a + " is given more than once: read once",
                linked + " is the same file as " + a + ": read once",
                hard + " is the same file as " + b + ": read once",
                "standard input (-) is given more than once: read once");
    }

    /**
     * A path that failed is one failure however often it is reached: an unreadable directory inside
     * two arguments ({@code logs} and {@code logs/web}) was listed, and counted as failed, twice. Root
     * lists any directory, so the walk's failures are given as the walk gives them.
     */
    @Test
    void aFailedPathReachedTwiceIsOneFailure() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path closed = Files.createDirectories(logs.resolve("web/private"));
        Path auth = Files.writeString(logs.resolve("auth.log"), "x\n");
        String denied = "cannot list directory (permission denied)";
        Path missing = dir.resolve("missing.log");
        List<Sources.Input> walked = List.of(
                new Sources.Input(auth.toString(), auth, null),
                new Sources.Input(closed.toString(), closed, denied),                      // from logs
                new Sources.Input(closed + "/", Path.of(closed + "/"), denied),            // from logs/web/private/
                new Sources.Input(missing.toString(), missing, "no such file"),
                new Sources.Input(missing.toString(), missing, "no such file"),
                new Sources.Input(dir.resolve("other.log").toString(), dir.resolve("other.log"), "no such file"));

        Sources.Once once = Sources.once(walked);

        assertThat(once.inputs()).containsExactly(walked.get(0), walked.get(1), walked.get(3), walked.get(5));
        assertThat(once.repeats()).isEmpty();
    }

    /** Hidden directories are skipped like hidden files, unless named on the command line. */
    @Test
    void aHiddenDirectoryIsSkippedUnlessNamed() throws IOException {
        Path d9 = Files.createDirectories(dir.resolve("d9"));
        Path auth = Files.writeString(d9.resolve("auth.log"), "x\n");
        Path git = Files.createDirectories(d9.resolve(".git"));
        Path head = Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Path gitLog = Files.writeString(Files.createDirectories(git.resolve("logs")).resolve("HEAD"), "x\n");

        assertThat(Sources.expand(List.of(d9.toString()))).extracting(Sources.Input::path).containsExactly(auth);
        assertThat(Sources.expand(List.of(git.toString()))).extracting(Sources.Input::path).containsExactly(head, gitLog);
    }

    /**
     * An unreadable subdirectory is an input that failed, named with its reason, beside every file
     * that can be read: it stopped the whole run (exit 2, no report). Root reads any directory, so
     * this runs only for other users; TreeWalkTest provokes the same failure as root.
     */
    @Test
    void anUnreadableDirectoryIsAFailedInputBesideTheFilesRead() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path auth = Files.writeString(logs.resolve("auth.log"), "x\n");
        Path closed = Files.createDirectories(logs.resolve("private"));
        Files.writeString(closed.resolve("secret.log"), "x\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(closed), "root reads any directory");

            Sources.Input failed = new Sources.Input(closed.toString(), closed, "cannot list directory (permission denied)");
            assertThat(Sources.expand(List.of(logs.toString())))
                    .containsExactly(new Sources.Input(auth.toString(), auth, null), failed);
            assertThat(Sources.expand(List.of(logs + "/*/*.log"))).containsExactly(failed);
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
