package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern withdraw}. */
@Command(name = "withdraw", description = "Withdraw a concern this node filed, with a reason.",
        footer = {"", "Examples:",
                "  hotline concern withdraw \"$ID\" --reason 'Filed to the wrong partner'",
                "", ExitCodes.HELP})
final class ConcernWithdrawCommand extends ConcernStep {
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why it is withdrawn.")
    String reason;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.Withdrawal(reason);
    }
}
