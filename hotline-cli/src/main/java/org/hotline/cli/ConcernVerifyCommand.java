package org.hotline.cli;

import java.io.PrintWriter;
import java.util.List;
import org.hotline.channel.HistoryCheck;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hotline concern verify}: exit 0 when the history is whole, 3 with the problems otherwise. */
@Command(name = "verify", description = "Verify a concern's history: every signature, every hash link, every lifecycle step.",
        footer = {"", "Examples:",
                "  hotline concern verify \"$ID\"",
                "  hotline concern verify \"$ID\" --json",
                "", ExitCodes.HELP})
final class ConcernVerifyCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The concern's id.")
    String concernId;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        var concern = node.desk().concern(concernId);
        if (concern.state() == org.hotline.channel.ConcernState.DRAFT) {
            // Its filing is unsigned until sent: "signature does not verify" read as a forgery.
            throw new org.hotline.channel.ChannelException(org.hotline.channel.ChannelException.Reason.ILLEGAL_TRANSITION,
                    "concern " + concernId + " is a draft: nothing is signed yet to verify; `hotline concern send "
                            + concernId + "` signs and sends it");
        }
        var history = concern.history();
        List<String> problems = HistoryCheck.problems(history, ConcernShowCommand.keys(node));
        if (json) {
            var o = Json.MAPPER.createObjectNode();
            o.put("concern", concernId);
            o.put("messages", history.size());
            o.put("ok", problems.isEmpty());
            var a = o.putArray("problems");
            problems.forEach(a::add);
            printJson(out, o);
        } else if (problems.isEmpty()) {
            out.println(concernId + ": " + history.size() + " messages, every signature and link verified");
        } else {
            problems.forEach(p -> out.println(concernId + ": " + p));
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.REFUSED;
    }
}
