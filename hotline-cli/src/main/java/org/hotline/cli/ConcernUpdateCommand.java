package org.hotline.cli;

import org.hotline.channel.MessageBody;
import org.hotline.cli.node.NodeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline concern update}: a status update, which the lifecycle lets either side send while a
 * concern is open; from the recipient it also moves the concern to "investigating". It was the one
 * step {@code concern show} could offer ("status-update") with no command to take it.
 */
@Command(name = "update", description = "Say where a concern stands (a status update); either side may, while it is open."
        + " From the recipient, it also marks the concern as being investigated.",
        footer = {"", "Examples:",
                "  hotline concern update \"$ID\" --note 'Hosting provider contacted; awaiting its logs'",
                "", ExitCodes.HELP})
final class ConcernUpdateCommand extends ConcernStep {
    @Option(names = "--note", paramLabel = "TEXT", required = true, description = "Where things stand, in a few sentences.")
    String note;

    @Override
    MessageBody body(NodeRuntime node) {
        return new MessageBody.StatusUpdate(note);
    }
}
