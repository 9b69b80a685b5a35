package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Concern;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;

/** {@code hotline concern list}. */
@Command(name = "list", description = "List concerns: state, what is owed next by whom and when, overdue flag.",
        footer = {"", "Examples:",
                "  hotline concern list",
                "  hotline concern list --overdue --json   (the node home from $HOTLINE_HOME)",
                "", ExitCodes.HELP})
final class ConcernListCommand extends NodeCommand {
    @Option(names = "--overdue", description = "Only concerns whose current deadline has passed.")
    boolean overdue;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        List<Concern> concerns = overdue ? node.desk().overdue() : node.desk().concerns();
        Map<String, String> names = ConcernStep.names(node);
        Instant now = Instant.now();
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            concerns.forEach(c -> a.add(ConcernView.summary(c, now, names)));
            printJson(out, a);
        } else if (concerns.isEmpty()) {
            out.println(overdue ? "No overdue concerns." : "No concerns yet.");
        } else {
            concerns.forEach(c -> ConcernView.printLine(out, ConcernView.summary(c, now, names)));
        }
        return ExitCodes.OK;
    }
}
