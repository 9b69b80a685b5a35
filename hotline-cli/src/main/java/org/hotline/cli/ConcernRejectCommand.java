package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern reject}. */
@Command(name = "reject", description = "Decline a concern filed to this node, with a reason.",
        footer = {"", "Examples:",
                "  hotline concern reject \"$ID\" --reason 'The addresses are not in our jurisdiction'",
                "", ExitCodes.HELP})
final class ConcernRejectCommand extends ConcernStep {
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why it is declined.")
    String reason;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.Rejection(reason);
    }
}
