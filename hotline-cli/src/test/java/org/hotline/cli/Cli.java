package org.hotline.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code hotline.jar} in its own JVM, the way the {@code ./hotline} launcher does,
 * so these tests see exactly what a user sees: exit code, standard output and standard error.
 */
final class Cli {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path HOME = MODULE.getParent();
    static final Path JAR = MODULE.resolve("target/hotline.jar");

    record Run(int exit, String out, String err) {}

    static Run run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    static Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(stdin, null, args);
    }

    /** With standard output going to {@code stdout} (a file or device) instead of being captured. */
    static Run runWithStdout(Path stdout, String... args) throws IOException, InterruptedException {
        return run(null, stdout, args);
    }

    private static Run run(byte[] stdin, Path stdout, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(args);
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        Process p = builder.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hotline " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    /**
     * Starts hotline and returns at once, for a test that stops it midway: standard input is a pipe
     * the test writes, standard output and error go to files.
     */
    static Process start(Path stdout, Path stderr, String... args) throws IOException {
        return builder(args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Starts hotline with its standard output and error as pipes the test reads (and may close early). */
    static Process startPiped(String... args) throws IOException {
        return builder(args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    private static ProcessBuilder builder(String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after `package` (failsafe)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhotline.home=" + HOME, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE.resolve("target").toFile());
        // The databases a `geo update` of the user installed would replace the bundled ones these
        // tests expect: point the per-user data directory at one that holds none.
        builder.environment().put("XDG_DATA_HOME", MODULE.resolve("target/it-xdg-data").toString());
        return builder;
    }

    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
