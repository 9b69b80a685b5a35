package org.hotline.cli;

import java.util.List;
import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline concern ack}. */
@Command(name = "ack", description = "Acknowledge a concern filed to this node (its recipient).",
        footer = {"", "Examples:",
                "  hotline concern ack \"$ID\" --note 'Received; investigating'",
                "", ExitCodes.HELP})
final class ConcernAckCommand extends ConcernStep {
    @Option(names = "--note", paramLabel = "TEXT", description = "A note with the acknowledgement.")
    String note;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.Acknowledgement(note);
    }
}
