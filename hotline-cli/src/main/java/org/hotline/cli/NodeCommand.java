package org.hotline.cli;

import java.io.PrintWriter;
import org.hotline.cli.node.NodeHome;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every concern command shares: the node home, {@code --json}, and a runtime to work with.
 * Commands work on the node's database directly (SQLite lets {@code serve} and a command share the
 * file, the store serialises writers), then try to deliver the concern they stepped on so the step
 * reaches the partner at once instead of at the server loop's next pass; anything not delivered
 * stays queued for it.
 */
abstract class NodeCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print as JSON, for scripts.")
    boolean json;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (NodeRuntime node = new NodeRuntime(NodeHome.open(home.dir()))) {
            // Partners' text reaches the terminal without control characters; JSON is Jackson's to escape.
            return run(node, json ? out : TerminalText.of(out));
        } finally {
            out.flush();
        }
    }

    abstract int run(NodeRuntime node, PrintWriter out) throws Exception;

    void printJson(PrintWriter out, tools.jackson.databind.JsonNode node) {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
