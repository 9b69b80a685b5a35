package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.channel.Concern;
import org.hotline.channel.ConcernDesk;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
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
        ConcernDesk.Listing listing = node.desk().listing();
        Instant now = Instant.now();
        List<Concern> concerns = overdue ? listing.concerns().stream().filter(c -> c.isOverdue(now)).toList() : listing.concerns();
        ArrayNode rows = rows(node, concerns, listing.unreadable(), now);
        if (json) {
            printJson(out, rows);
        } else if (rows.isEmpty()) {
            out.println(overdue ? "No overdue concerns." : "No concerns yet.");
        } else {
            for (JsonNode r : rows) {
                if (r.has("error")) {
                    out.printf("%s  CANNOT BE READ: %s%n", r.get("id").asString(), r.get("error").asString());
                } else {
                    ConcernView.printLine(out, (ObjectNode) r);
                }
            }
            rows.forEach(r -> {
                if (r.path("set_aside_count").asInt() > 0) {
                    out.println("Set aside by a fork: " + r.get("set_aside_count").asInt() + " step(s) of this node's in "
                            + r.get("id").asString() + "; see hotline concern show " + r.get("id").asString());
                }
            });
        }
        return unreadable(spec.commandLine().getErr(), listing.unreadable(), "listed");
    }

    /**
     * The list's rows: each concern's summary, then each concern that cannot be read as
     * {@code {"id": ..., "error": why}}, so that a script counting concerns sees it too.
     */
    static ArrayNode rows(NodeRuntime node, List<Concern> concerns, List<ConcernDesk.Unreadable> unreadable, Instant now) {
        Map<String, String> names = ConcernStep.names(node);
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Concern c : concerns) {
            ObjectNode row = ConcernView.summary(c, now, names);
            // Steps of ours a fork was settled against: the operator may have to take them again.
            row.put("set_aside_count", node.db().concerns().superseded(c.id()).size());
            a.add(row);
        }
        for (ConcernDesk.Unreadable u : unreadable) {
            a.addObject().put("id", u.concernId()).put("error", u.reason());
        }
        return a;
    }

    /** Says on {@code err} which concerns could not be read, and returns the exit code that follows. */
    static int unreadable(PrintWriter err, List<ConcernDesk.Unreadable> unreadable, String what) {
        for (ConcernDesk.Unreadable u : unreadable) {
            err.println("hotline: concern " + u.concernId() + " cannot be read, so it is not " + what + ": " + u.reason());
        }
        return unreadable.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT_PROBLEM;
    }
}
