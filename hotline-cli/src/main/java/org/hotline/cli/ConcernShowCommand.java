package org.hotline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.channel.Concern;
import org.hotline.channel.account.Obligations;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hotline concern show}. */
@Command(name = "show", description = "Show a concern: its signed history, verification, what may be done next, and delivery.",
        footer = {"", "Examples:",
                "  hotline concern show \"$ID\"",
                "  hotline concern show \"$ID\" --json",
                "", ExitCodes.HELP})
final class ConcernShowCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "CONCERN", description = "The concern's id.")
    String concernId;

    @Override
    int run(NodeRuntime node, PrintWriter out) {
        Concern c = node.desk().concern(concernId);
        Instant now = Instant.now();
        var d = ConcernView.detail(c, now, ConcernStep.names(node), keys(node),
                node.db().outbox().entries(concernId), node.db().concerns().superseded(concernId), node.home().party().id());
        if (c.state() != org.hotline.channel.ConcernState.DRAFT) {
            ConcernView.obligations(d, Obligations.of(c.history(), node.channel(c.channelId()).terms(), now), ConcernStep.names(node));
        }
        if (json) {
            printJson(out, d);
        } else {
            ConcernView.printDetail(out, d);
        }
        return ExitCodes.OK;
    }

    static Map<String, String> keys(NodeRuntime node) {
        Map<String, String> keys = new HashMap<>();
        keys.put(node.home().party().id(), node.home().party().publicKey());
        node.partners().forEach(p -> keys.put(p.card().party().id(), p.card().party().publicKey()));
        return keys;
    }
}
