package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Concern;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
        List<ObjectNode> rows = new ArrayList<>();
        for (Concern c : concerns) {
            ObjectNode row = ConcernView.summary(c, now, names);
            // Steps of ours a fork was settled against: the operator may have to take them again.
            row.put("set_aside_count", node.db().concerns().superseded(c.id()).size());
            rows.add(row);
        }
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            rows.forEach(a::add);
            printJson(out, a);
        } else if (concerns.isEmpty()) {
            out.println(overdue ? "No overdue concerns." : "No concerns yet.");
        } else {
            rows.forEach(r -> ConcernView.printLine(out, r));
            rows.stream().filter(r -> r.get("set_aside_count").asInt() > 0).forEach(r -> out.println("Set aside by a fork: "
                    + r.get("set_aside_count").asInt() + " step(s) of this node's in " + r.get("id").asString()
                    + "; see hotline concern show " + r.get("id").asString()));
        }
        return ExitCodes.OK;
    }
}
