package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code hotline analyze} expands directory and pattern arguments, as a user runs it, on a copy
 * of the bundled sshd sample (samples/logs/ssh/secure.log, source in samples/README.md).
 */
class AnalyzeInputsCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SECURE = Cli.HOME.resolve("samples/logs/ssh/secure.log");

    @TempDir
    Path dir;

    private static JsonNode input(JsonNode report, String file) {
        for (JsonNode n : report.path("input")) {
            if (file.equals(n.path("file").asString(null))) {
                return n;
            }
        }
        throw new AssertionError("no input " + file + " in " + report.path("input"));
    }

    /**
     * An unreadable subdirectory is an input that failed: named with its reason in the report and
     * on stderr, exit 1, everything readable still analysed. It stopped the run (exit 2, no report),
     * beside other inputs too, and so it did a pattern that could never match in it. Root reads any
     * directory, so this runs only for other users; the core's TreeWalkTest provokes the same
     * failure as root.
     */
    @Test
    void anUnreadableDirectoryFailsAloneAndTheRestIsReported() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path secure = Files.copy(SECURE, logs.resolve("secure.log"));
        Path closed = Files.createDirectories(logs.resolve("private"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(closed), "root reads any directory");
            // awk 'END{print NR}' secure.log -> 1000
            for (List<String> inputs : List.of(List.of(logs.toString()), List.of(secure.toString(), logs.toString()))) {
                List<String> args = new ArrayList<>(List.of("analyze", "--json", "--year", "2023"));
                args.addAll(inputs);
                Cli.Run run = Cli.run(args.toArray(String[]::new));

                assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.INPUT_PROBLEM);
                JsonNode report = JSON.readTree(run.out());
                assertThat(input(report, secure.toString()).path("lines").asLong()).isEqualTo(1000);
                String error = closed + ": cannot list directory (permission denied)";
                assertThat(input(report, closed.toString()).path("error").asString()).isEqualTo(error);
                assertThat(run.err()).contains("hotline: " + error).doesNotContain("\tat ");
            }
            // A pattern lists only the directories its matches can lie in: logs/private is none of them.
            Cli.Run glob = Cli.run("analyze", "--json", "--year", "2023", logs + "/*.log");
            assertThat(glob.exit()).as(glob.err()).isEqualTo(ExitCodes.OK);
            assertThat(JSON.readTree(glob.out()).path("input")).hasSize(1);
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * A link to a directory is followed, by a directory argument and by a pattern, and a link back
     * up ends there: the linked logs were skipped without a word, and a pattern for the .log.gz files
     * in d3's subdirectories matched nothing where the shell's glob lists d3/nginx/access.log.gz.
     */
    @Test
    void linksToDirectoriesAreFollowedAndALinkBackUpEnds() throws Exception {
        Path d3 = Files.createDirectories(dir.resolve("d3"));
        Path secure = Files.copy(SECURE, d3.resolve("secure.log"));
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(Cli.HOME.resolve("samples/logs/web/access.log.gz"), real.resolve("access.log.gz"));
        Path nginx = Files.createSymbolicLink(d3.resolve("nginx"), real);
        Files.createSymbolicLink(real.resolve("all"), d3);

        // awk 'END{print NR}' secure.log -> 1000; zcat access.log.gz | awk 'END{print NR}' -> 10000
        Cli.Run walk = Cli.run("analyze", "--json", "--year", "2023", d3.toString());
        assertThat(walk.exit()).as(walk.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(walk.out());
        assertThat(report.path("input")).hasSize(2);
        assertThat(input(report, secure.toString()).path("lines").asLong()).isEqualTo(1000);
        assertThat(input(report, nginx.resolve("access.log.gz").toString()).path("lines").asLong()).isEqualTo(10000);

        Cli.Run glob = Cli.run("analyze", "--json", "--year", "2023", d3 + "/*/*.log.gz");
        assertThat(glob.exit()).as(glob.err()).isEqualTo(ExitCodes.OK);
        assertThat(input(JSON.readTree(glob.out()), nginx.resolve("access.log.gz").toString()).path("lines").asLong())
                .isEqualTo(10000);
    }

    /**
     * A hidden directory is skipped like a hidden file: a git checkout among the logs gave an error
     * for each file in .git ("cannot tell the format") and exit 1. Named, it is read.
     */
    @Test
    void aHiddenDirectoryIsSkippedUnlessNamed() throws Exception {
        Path d9 = Files.createDirectories(dir.resolve("d9"));
        Path secure = Files.copy(SECURE, d9.resolve("secure.log"));
        Path git = Files.createDirectories(d9.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");

        Cli.Run walk = Cli.run("analyze", "--json", "--year", "2023", d9.toString());
        assertThat(walk.exit()).as(walk.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(walk.out());
        assertThat(report.path("input")).hasSize(1);
        assertThat(input(report, secure.toString()).path("lines").asLong()).isEqualTo(1000);

        Cli.Run named = Cli.run("analyze", "--json", git.toString());
        assertThat(named.exit()).isEqualTo(ExitCodes.INPUT_PROBLEM);
        assertThat(named.err()).contains(git.resolve("HEAD") + ": cannot tell the format");
    }
}
