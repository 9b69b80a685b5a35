package org.hotline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.hotline.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {
    @TempDir
    Path dir;

    /** Which directories below its base a pattern lists: only those a match can lie in. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "logs/*.log          | a         | false",   // one name deep: nothing below is listed
            "logs/*/*.log        | nginx     | true",
            "logs/*/*.log        | nginx/old | false",
            "logs/a*/*.log       | auth      | true",
            "logs/a*/*.log       | private   | false",   // its name cannot match a*
            "logs/{a,b}/x/*.log  | b/x       | true",
            "logs/{a,b}/x/*.log  | c         | false",
            "logs/**/*.log       | a/b/c/d   | true",    // ** reaches any depth
            "logs/n*/**.log      | other     | false",   // but the names before it still count
            "logs/n*/**.log      | nginx/a/b | true",
            "logs/{a,b/c}/*.log  | b/c       | true",    // a / in braces: one name or two
            "logs/{a,b/c}/*.log  | b/c/d     | false"})
    void listsOnlyDirectoriesAMatchCanLieIn(String pattern, String directory, boolean listed) {
        GlobPattern glob = GlobPattern.parse(pattern);

        assertThat(glob.base()).isEqualTo(Path.of("logs"));
        assertThat(glob.enters(Path.of(directory))).isEqualTo(listed);
    }

    @Test
    void aPatternWithoutADirectoryIsWalkedFromHereAndNamesItsMatchesFromHere() {
        assertThat(GlobPattern.parse("*.log").namedFrom()).isEqualTo(Path.of("."));
        assertThat(GlobPattern.parse("./*.log").namedFrom()).isNull();   // named as given: ./a.log
        assertThat(GlobPattern.parse("/*.log").base()).isEqualTo(Path.of("/"));
    }

    @Test
    void anInvalidPatternIsNamed() {
        assertThatThrownBy(() -> GlobPattern.parse("logs/[a/b].log"))
                .isInstanceOf(InputException.class)
                .hasMessage("logs/[a/b].log: not a valid pattern (Explicit 'name separator' in class)");
    }

    /**
     * A directory the pattern cannot match is never listed, so one that cannot be listed fails
     * nothing: {@code logs/*.log} ended the run on an unreadable {@code logs/private}. As root the
     * directories are removed after their parent was listed, which fails a walk that opens them as
     * an unreadable directory does (see TreeWalkTest).
     */
    @Test
    void aDirectoryThePatternCannotMatchIsNeverListed() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path auth = Files.writeString(Files.createDirectories(logs.resolve("auth")).resolve("a.log"), "x\n");
        Path deeper = Files.createDirectories(logs.resolve("auth/old"));
        Path other = Files.createDirectories(logs.resolve("private"));

        List<String> found = new ArrayList<>();
        TreeWalk.walk(logs, GlobPattern.parse(logs + "/a*/*.log"), new TreeWalk.Found() {
            @Override
            public void file(Path file) {
                TreeWalkTest.deleteTree(deeper);
                TreeWalkTest.deleteTree(other);
                found.add(file.toString());
            }

            @Override
            public void failed(Path path, String problem) {
                found.add(path + ": " + problem);
            }
        });

        assertThat(found).containsExactly(auth.toString());
    }

    /** The same as a user without root sees it, through the expansion. */
    @Test
    void anUnreadableDirectoryThePatternCannotMatchFailsNothing() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path auth = Files.writeString(logs.resolve("auth.log"), "x\n");
        Path closed = Files.createDirectories(logs.resolve("private"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(closed), "root reads any directory");

            assertThat(Sources.expand(List.of(logs + "/*.log"))).containsExactly(new Sources.Input(auth.toString(), auth, null));
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
