package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import org.hotline.server.TaxiiServer;
import tools.jackson.databind.JsonNode;

/**
 * A real node for the tests: a home made by {@code hotline party init}, its TAXII server started in
 * this JVM on its own loopback port over HTTPS (as {@code hotline serve} starts it), and the CLI's
 * commands run against it through {@link Main#run}, exactly as a person would type them.
 */
final class TestNode implements AutoCloseable {
    final String name;
    final Path home;
    final int port;
    private NodeRuntime runtime;
    private TaxiiServer server;

    TestNode(Path dir, String name, String country) {
        this.name = name;
        this.home = dir.resolve(name);
        this.port = freePort();
        ok("party", "init", "--home", home.toString(), "--name", name, "--country", country, "--listen", "127.0.0.1:" + port);
    }

    TestNode start() {
        runtime = new NodeRuntime(NodeHome.open(home));
        server = runtime.server(port).start();
        return this;
    }

    /** The started node's runtime (its store and desk), as {@code serve} holds it. */
    NodeRuntime runtime() {
        return runtime;
    }

    void stop() {
        if (server != null) {
            server.close();
            runtime.close();
            server = null;
        }
    }

    Path card() {
        Path card = home.resolveSibling(name + ".card.json");
        try {
            Files.writeString(card, ok("party", "show", "--home", home.toString(), "--json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return card;
    }

    /** Runs {@code hotline ARGS --home HOME} and returns what it printed; fails the test on a non-zero exit. */
    String ok(String... args) {
        Run r = run(args);
        assertThat(r.code).as("hotline %s%n%s", String.join(" ", args), r.err).isZero();
        return r.out;
    }

    JsonNode json(String... args) {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 3);
        withJson[args.length] = "--home";
        withJson[args.length + 1] = home.toString();
        withJson[args.length + 2] = "--json";
        return Json.MAPPER.readTree(ok(withJson));
    }

    record Run(int code, String out, String err) {}

    /** Runs the real entry point with System.out and System.err captured (tests run one at a time). */
    static synchronized Run run(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Run inHome(String... args) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 2);
        a[args.length] = "--home";
        a[args.length + 1] = home.toString();
        return run(a);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
