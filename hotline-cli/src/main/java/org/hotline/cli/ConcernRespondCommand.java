package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern respond}. */
@Command(name = "respond", description = "Answer a concern: findings, actions taken, outcome.",
        footer = {"", "Examples:",
                "  hotline concern respond \"$ID\" --outcome no-evidence-found --findings 'No such traffic seen'",
                "  hotline concern respond \"$ID\" --outcome action-taken --findings 'Two hosts compromised' \\",
                "          --action 'Customer notified' --action 'Hosts taken offline'",
                "", ExitCodes.HELP})
final class ConcernRespondCommand extends ConcernStep {
    @Option(names = "--findings", paramLabel = "TEXT", required = true, description = "What was found.")
    String findings;

    @Option(names = "--action", paramLabel = "TEXT", description = "An action taken (repeat for several).")
    List<String> actions;

    @Option(names = "--outcome", paramLabel = "OUTCOME", required = true, description = "action-taken, source-identified, no-evidence-found, referred or not-in-jurisdiction.")
    String outcome;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.Response(findings, actions == null ? List.of() : actions, MessageBody.Outcome.parse(outcome));
    }
}
