package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hotline} launcher itself, run as a user runs it. A class-data archive holds one JDK's
 * classes, and any other JVM refuses it with an error on every run: switching {@code JAVA_HOME}
 * between two installed JDKs printed {@code [error][cds] Not a valid shared archive file} before
 * each report, until the launcher kept one archive per JDK (on JDK 25 and newer, an ahead-of-time
 * cache instead).
 */
class LauncherIT {

    @Test
    void keepsOneClassDataArchivePerJdkAndRunsCleanlyOnEach() throws Exception {
        List<Path> jdks = new ArrayList<>();
        jdks.add(Path.of(System.getProperty("java.home")));
        Path another = anotherJdk(jdks.get(0));
        if (another != null) {
            jdks.add(another);   // this machine kind has Temurin's JDK beside Debian's
        }
        // Twice round: the second run of each finds the other JDK's archive already made.
        java.util.Set<String> reports = new java.util.HashSet<>();
        for (int round = 0; round < 2; round++) {
            for (Path jdk : jdks) {
                Run run = launch(jdk, "analyze", "--json", "--year", "2023", "samples/logs/web");
                assertThat(run.exit).as("exit on %s: %s", jdk, run.err).isZero();
                assertThat(run.out).startsWith("{");
                assertThat(run.err).as("stderr on %s", jdk).doesNotContain("[cds]").doesNotContain("[aot]").doesNotContain("[error");
                reports.add(run.out.replaceAll("\"generatedAt\" : \"[^\"]*\"", ""));
            }
        }
        assertThat(reports).as("the same report on every JDK and round").hasSize(1);
        for (Path jdk : jdks) {
            // JDK 25 and newer get an ahead-of-time cache, trained on a generated access log.
            String kind = feature(jdk) >= 25 ? ".aot" : ".jsa";
            String name = "hotline" + jdk.resolve("bin/java").toRealPath().toString().replace('/', '_') + kind;
            assertThat(Cli.MODULE.resolve("target").resolve(name)).as("archive for %s", jdk).isRegularFile();
        }
        assertThat(Cli.MODULE.resolve("target/aot-training.log")).as("the training input is removed").doesNotExist();
    }

    /**
     * An analysis of more than ~1.5 GB gets C2's options, and a directory is sized as the analysis
     * walks it, through its links: sized with {@code du -sb}, a folder of links to large logs counted
     * as the links' few bytes, and got the short-run options.
     */
    @Test
    void sizesADirectoryThroughItsLinksToChooseTheLargeInputOptions(@TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("archive/access.log");
        Files.createDirectories(big.getParent());
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(2_000_000_000L);   // sparse: no disk used
        }
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("access.log"), big);
        Path small = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(small.resolve("access.log"), "203.0.113.9 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1\n");
        Path jdk = Path.of(System.getProperty("java.home"));

        String largeOption = "-XX:Tier4InvocationThreshold=100000";
        assertThat(dryRun(jdk, "analyze", "--json", linked.toString())).contains(largeOption);
        assertThat(dryRun(jdk, "analyze", "--json", big.toString())).contains(largeOption);
        assertThat(dryRun(jdk, "analyze", "--json", small.toString())).doesNotContain(largeOption).contains("-XX:TieredStopAtLevel=1");
    }

    /** The Java command's words that {@code HOTLINE_DRY_RUN=1 ./hotline ARGS} prints. */
    private static List<String> dryRun(Path javaHome, String... args) throws IOException, InterruptedException {
        Run run = launch(javaHome, java.util.Map.of("HOTLINE_DRY_RUN", "1"), args);
        assertThat(run.exit).as("dry run: %s", run.err).isZero();
        List<String> words = run.out.lines().toList();
        assertThat(words).as("the command ends with the arguments").endsWith(args);
        return words;
    }

    /** The JDK's feature version from its release file (JAVA_VERSION="25.0.3"), or 0. */
    private static int feature(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    /** An installed JDK other than {@code home}, or null. */
    private static Path anotherJdk(Path home) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        Path own = home.resolve("bin/java").toRealPath();
        try (Stream<Path> all = Files.list(jvms)) {
            for (Path p : all.sorted().toList()) {
                Path java = p.resolve("bin/java");
                if (Files.isExecutable(java) && !java.toRealPath().equals(own)) {
                    return p;
                }
            }
        }
        return null;
    }

    private record Run(int exit, String out, String err) {}

    private static Run launch(Path javaHome, String... args) throws IOException, InterruptedException {
        return launch(javaHome, java.util.Map.of(), args);
    }

    private static Run launch(Path javaHome, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Cli.HOME.resolve("hotline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Cli.HOME.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("HOTLINE_JAVA_OPTS");
        builder.environment().remove("HOTLINE_DRY_RUN");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("./hotline did not finish in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
